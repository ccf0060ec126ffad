// The notices a person sees where they make a choice, defined in the catalogue and recorded by the SHA-256 of the
// rendered text (NoticeText, stored once). The page shows the same key the evidence hashes, so the hash names exactly
// the words on the screen. A changed catalogue text is a new hash: old evidence keeps pointing at the old words.
import { createHash } from "node:crypto";
import type { Language, NoticeKind } from "@/lib/generated/prisma/enums";
import { getPolicy } from "@/lib/policy/current-policy";
import { translatorFor } from "@/lib/i18n/translator";

/** The rendered notice of a kind in a language, exactly as its page shows it. */
export function noticeText(kind: NoticeKind, lang: Language): string {
  const t = translatorFor(lang);
  switch (kind) {
    case "PREFERENCE_TOPICS":
      return t("linkPages.prefs.topicsIntro");
    case "PREFERENCE_ALL":
      return t("linkPages.prefs.allIntro");
    case "SIGNUP_FORM":
      return t("publicPages.signup.consent", {
        years: getPolicy().categories.PROSPECT?.retention.years ?? 0,
      });
  }
}

export function noticeHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

type Execute = { $executeRawUnsafe(sql: string, ...params: unknown[]): Promise<number> };

/** Stores the notice's text once (a second call finds it) and returns its hash, inside the caller's transaction. */
export async function recordNoticeText(tx: Execute, kind: NoticeKind, lang: Language, now = new Date()) {
  const text = noticeText(kind, lang);
  const hash = noticeHash(text);
  await tx.$executeRawUnsafe(
    `INSERT INTO "NoticeText" (hash, kind, language, text, "firstSeenAt")
     VALUES ($1, $2::"NoticeKind", $3::"Language", $4, $5::timestamp) ON CONFLICT (hash) DO NOTHING`,
    hash,
    kind,
    lang,
    text,
    now.toISOString(),
  );
  return hash;
}
