// The text of a mailing that announces the policy version in force to the people it concerns (a new purpose, a longer
// retention, a new recipient): subject and Markdown body in each mailing language, from the catalogue's template with
// the version's date, its change note from the policy file and the link to the privacy page's versions. It only
// fills the compose form (/staff/mailings/new?from=policy); marketing or an admin picks the topic and the segment
// (say, the categories the change concerns) and sends it through the mailing pipeline with suppression applied.
import { translatorFor } from "@/lib/i18n/translator";
import type { Policy } from "./file/load-policy-file";
import { inPolicyLanguage } from "./policy-labels";

export type PolicyChangeAnnouncement = {
  name: string;
  subjectSv: string;
  subjectEn: string;
  bodySv: string;
  bodyEn: string;
};

const LOCALE = { sv: "sv-SE", en: "en-GB" } as const;

export function policyChangeAnnouncement(
  policy: Pick<Policy, "version" | "languages" | "hash">,
  publicUrl: string,
): PolicyChangeAnnouncement {
  const url = `${publicUrl.replace(/\/+$/, "")}/privacy#versions`;
  const texts = (lang: "sv" | "en") => {
    const t = translatorFor(lang);
    const date = new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: "long", timeZone: "UTC" }).format(
      new Date(`${policy.version.effective}T00:00:00Z`),
    );
    const note = inPolicyLanguage(policy, policy.version.note, lang);
    return {
      subject: t("mailings.policyChange.subject"),
      body: t("mailings.policyChange.body", { date, note, url }),
    };
  };
  const sv = texts("sv");
  const en = texts("en");
  return {
    name: translatorFor(policy.languages[0]!)("mailings.policyChange.name", {
      date: policy.version.effective,
      id: policy.hash.slice(0, 12),
    }),
    subjectSv: sv.subject,
    subjectEn: en.subject,
    bodySv: sv.body,
    bodyEn: en.body,
  };
}
