// The sign-up form with what it needs from the server: the offered topics in the page's language and the consent
// text exactly as recorded (lib/evidence/notice-texts.ts). Shared by /signup and the embeddable /embed/signup.
import { getDb } from "@/lib/db/client";
import { noticeText } from "@/lib/evidence/notice-texts";
import { ClientMessages } from "@/lib/i18n/client-messages";
import type { Language } from "@/lib/i18n/languages";
import { listSignupTopics } from "@/lib/signups/list-signup-topics";
import { SIGNUP_LINK_HOURS } from "@/lib/signups/signup-token";
import { SignupForm } from "./signup-form";

export async function SignupSection({ lang }: { lang: Language }) {
  const topics = await listSignupTopics(await getDb());
  return (
    <ClientMessages lang={lang} paths={["publicPages.signup"]}>
      <SignupForm
        topics={topics.map((t) => ({
          id: t.id,
          name: lang === "sv" ? t.nameSv : t.nameEn,
          description: lang === "sv" ? t.descriptionSv : t.descriptionEn,
        }))}
        consent={noticeText("SIGNUP_FORM", lang)}
        linkHours={SIGNUP_LINK_HOURS}
      />
    </ClientMessages>
  );
}
