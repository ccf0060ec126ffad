// "My data" (GDPR Art. 15): everything stored about the person, why, from where, and until when; reached only through
// a recipient session (a step-up link sent to the address on record), never with a footer link alone.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getContactRecord } from "@/lib/contacts/get-contact-record";
import { recordSelfAccess } from "@/lib/contacts/record-self-access";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { currentRecipient } from "@/lib/recipients/current-recipient";
import { RECIPIENT_SESSION_MS } from "@/lib/tokens/scopes";
import { MeNav } from "./_components/me-nav";
import { RecordView } from "./_components/record-view";
import { RecordSummary } from "./_components/record-summary";
import { preferencesUrl } from "@/lib/recipients/build-links";
import { getConfig } from "@/lib/env/config";
import { SessionEnded } from "./_components/session-ended";
import styles from "./me.module.css";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const dynamic = "force-dynamic";

// The details below the summary, in the order RecordView and the download section show them.
const CONTENTS = [
  ["fields-heading", "myData.me.fieldsHeading"],
  ["roles-heading", "myData.me.rolesHeading"],
  ["policy-heading", "myData.me.policy.heading"],
  ["source-heading", "myData.me.sourceHeading"],
  ["purposes-heading", "myData.me.purposesHeading"],
  ["retention-heading", "myData.me.retentionHeading"],
  ["subscriptions-heading", "myData.me.subscriptionsHeading"],
  ["mailings-heading", "myData.me.mailingsHeading"],
  ["notes-heading", "staffAdmin.notes.meHeading"],
  ["changes-heading", "myData.me.changesHeading"],
  ["requests-heading", "myData.me.requestsHeading"],
  ["download-heading", "myData.me.downloadHeading"],
] as const;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("myData.me.title"), robots: { index: false, follow: false } };
}

export default async function MyDataPage({ searchParams }: Props) {
  const query = await searchParams;
  // One language for the whole page, the layout's too: ?lang=, cookie, the person's own, the browser's, Swedish.
  const { lang } = await getI18n(searchParams);
  const recipient = await currentRecipient();
  if (!recipient) return <SessionEnded lang={lang} />;
  const db = await getDb();
  const contactId = recipient.contact.id;
  await recordSelfAccess({
    db,
    contactId,
    sessionStartedAt: new Date(recipient.session.expiresAt.getTime() - RECIPIENT_SESSION_MS),
  });
  const record = await getContactRecord({ db, contactId });
  if (!record) return <SessionEnded lang={lang} />;
  const t = await getTranslations({ locale: lang });
  return (
    <div lang={lang}>
      <MeNav lang={lang} current="overview" />
      <h1>{t("myData.me.heading")}</h1>
      <p className="lead">{t("myData.me.lead")}</p>
      <p role="status" className={styles.status}>
        {query.updated === "email" ? t("myData.me.emailChanged") : ""}
      </p>
      <RecordSummary
        record={record}
        lang={lang}
        preferencesHref={`${preferencesUrl(getConfig(), recipient.contact)}?lang=${lang}`}
      />
      <h2 className={styles.detailsHeading}>{t("myData.me.summary.detailsHeading")}</h2>
      <nav aria-label={t("myData.me.summary.contents")} className={styles.contents}>
        <ul>
          {CONTENTS.map(([id, key]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <RecordView record={record} lang={lang} />
      <section aria-labelledby="download-heading" className={styles.section}>
        <h2 id="download-heading">{t("myData.me.downloadHeading")}</h2>
        <p>{t("myData.me.downloadText")}</p>
        <div className="actions">
          <form method="post" action={`/me/export?format=json&lang=${lang}`}>
            <button type="submit" className="button">
              {t("myData.me.downloadJson")}
            </button>
          </form>
          <form method="post" action={`/me/export?format=csv&lang=${lang}`}>
            <button type="submit" className={styles.secondaryButton}>
              {t("myData.me.downloadCsv")}
            </button>
          </form>
        </div>
      </section>
    </div>
  );
}
