// What a recipient sees when a link cannot be used: what happened, in plain words, and a way on. Never an error page:
// a tampered, expired, revoked or used link is an everyday event (forwarded mail, old mail, a copy-paste cut short).
import Link from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db/client";
import type { Language } from "@/lib/i18n/languages";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getActionI18n } from "@/lib/i18n/server";
import type { LinkProblem as Problem } from "@/lib/recipients/resolve-link";
import { sendFreshLink, type FreshLinkScope } from "@/lib/recipients/send-fresh-link";
import { FreshLinkForm, type FreshLinkState } from "./link-fresh-link-form";

export type LinkProblemProps = {
  problem: Problem;
  /**
   * Given only when the link's signature was genuine (resolveLink says so): a fresh link can then go to the address on
   * record. The id stays on the server: the action below closes over it, and Next encrypts closed-over values.
   */
  contactId?: string;
  /** The scope of the page's link: a spent step-up link gets a new step-up link, not a footer link. */
  linkScope: FreshLinkScope;
  /** The page's language (getI18n), the same as the layout's. */
  lang: Language;
};

const FRESH_LINK_MESSAGES = ["linkPages.problem.freshButton", "linkPages.problem.freshSent", "linkPages.prefs.failed"];

export async function LinkProblem({ problem, contactId, linkScope, lang }: LinkProblemProps) {
  const t = await getTranslations({ locale: lang });

  let sendAction: ((prev: FreshLinkState, form: FormData) => Promise<FreshLinkState>) | undefined;
  if (contactId) {
    const id = contactId;
    sendAction = async () => {
      "use server";
      try {
        const db = await getDb();
        // The mail in the language the page was shown in: the action is posted from the page and decides alike.
        const { lang: language } = await getActionI18n();
        await sendFreshLink({ db, contactId: id, scope: linkScope, language });
        // Same answer for sent, limited and gone: the page must not tell a stranger anything about the register.
        return "sent";
      } catch {
        return "failed";
      }
    };
  }

  return (
    <article className="prose link-problem" aria-labelledby="link-problem-heading">
      <h1 id="link-problem-heading">{t(`linkPages.problem.${problem}.heading`)}</h1>
      <p className="lead">{t(`linkPages.problem.${problem}.text`)}</p>
      {sendAction ? (
        <>
          <p>{t("linkPages.problem.freshIntro")}</p>
          <ClientMessages lang={lang} paths={FRESH_LINK_MESSAGES}>
            <FreshLinkForm action={sendAction} />
          </ClientMessages>
        </>
      ) : (
        <>
          <p>{t("linkPages.problem.requestIntro")}</p>
          <p>
            <Link href={`/preferences?lang=${lang}`} className="button">
              {t("linkPages.problem.requestLink")}
            </Link>
          </p>
        </>
      )}
      <p>
        <Link href={`/?lang=${lang}`}>{t("linkPages.problem.home")}</Link>
      </p>
    </article>
  );
}
