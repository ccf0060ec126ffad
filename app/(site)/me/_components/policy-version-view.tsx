// Which version of the privacy policy applied when the person's data was collected, and which applies now, with a
// link to the policy's version history. Presentation only: the versions come from getContactRecord.
import { getTranslations } from "next-intl/server";
import type { ContactRecord, PolicyVersionSummary } from "@/lib/contacts/get-contact-record";
import type { Language } from "@/lib/i18n/languages";
import { textIn } from "@/lib/policy/text-in";
import { Section } from "@/app/_components/contact-record/contact-record";
import { formatDate } from "./recipient-lang";

export async function PolicyVersionView({ record, lang }: { record: ContactRecord; lang: Language }) {
  const t = await getTranslations({ locale: lang });
  const { collectedUnder, current } = record.policy;
  const line = (key: "collected" | "current", v: PolicyVersionSummary) => {
    const note = textIn(v.note, lang);
    return (
      <>
        {t(`myData.me.policy.${key}`, { date: formatDate(new Date(`${v.effective}T00:00:00Z`), lang) ?? v.effective })}{" "}
        <span lang={note.lang === lang ? undefined : note.lang}>{note.text}</span>
      </>
    );
  };
  return (
    <Section id="policy-heading" heading={t("myData.me.policy.heading")}>
      <dl data-testid="policy-versions">
        <dt>{t("myData.me.policy.collectedLabel")}</dt>
        <dd data-testid="policy-collected">
          {collectedUnder ? line("collected", collectedUnder) : t("myData.me.policy.before")}
        </dd>
        <dt>{t("myData.me.policy.currentLabel")}</dt>
        <dd data-testid="policy-current">
          {line("current", current)}
          {collectedUnder?.hash === current.hash ? ` ${t("myData.me.policy.same")}` : ""}{" "}
          <a href={`/privacy?lang=${lang}#versions`}>{t("myData.me.policy.read")}</a>
        </dd>
      </dl>
    </Section>
  );
}
