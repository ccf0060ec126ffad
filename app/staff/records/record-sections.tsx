// The record's parts that repeat: one processing activity (a purpose with its categories of people, bases, retention,
// balancing test, personal data, recipients and transfers) and the table of recipients. Presentation only.
import { getTranslations } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";
import type { ProcessingActivity, RecordRecipient } from "@/lib/records/build-processing-record";

export async function ProcessingActivitySection({ activity, lang }: { activity: ProcessingActivity; lang: Language }) {
  const t = await getTranslations({ locale: lang });
  const id = `activity-${activity.purpose}`;
  return (
    <section aria-labelledby={id} data-testid={id} className="processing-record__activity">
      <h3 id={id}>{activity.name}</h3>
      <p>{activity.description}</p>
      <div className="table-scroll">
        <table>
          <caption>{t("accountability.records.categoriesCaption", { purpose: activity.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("accountability.records.columns.category")}</th>
              <th scope="col">{t("accountability.records.columns.basis")}</th>
              <th scope="col">{t("accountability.records.columns.retention")}</th>
            </tr>
          </thead>
          <tbody>
            {activity.categories.map((c) => (
              <tr key={c.category} data-category={c.category}>
                <th scope="row">{c.categoryName}</th>
                <td>{c.basisName}</td>
                <td>{c.retention}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl>
        {activity.balancingTest ? (
          <>
            <dt>{t("accountability.records.balancing")}</dt>
            <dd>{activity.balancingTest}</dd>
          </>
        ) : null}
        <dt>{t("accountability.records.dataCategories")}</dt>
        <dd>
          <ul>
            {activity.dataCategories.map((d) => (
              <li key={d.key}>{d.name}</li>
            ))}
          </ul>
        </dd>
        <dt>{t("accountability.records.recipients")}</dt>
        <dd>
          {activity.recipients.length
            ? activity.recipients
                .map((r) =>
                  t("accountability.records.recipientLine", {
                    recipient: r.name,
                    role: r.roleName,
                    country: r.countryName,
                  }),
                )
                .join("; ")
            : t("accountability.records.noRecipients")}
        </dd>
        <dt>{t("accountability.records.transfers")}</dt>
        <dd>
          {activity.transfers.length
            ? activity.transfers
                .map((r) =>
                  t("accountability.records.transferLine", {
                    recipient: r.name,
                    country: r.countryName,
                    basis: r.transferBasis ?? "",
                  }),
                )
                .join("; ")
            : t("accountability.records.noTransfers")}
        </dd>
      </dl>
    </section>
  );
}

export async function RecipientsTable({ recipients, lang }: { recipients: RecordRecipient[]; lang: Language }) {
  const t = await getTranslations({ locale: lang });
  return (
    <div className="table-scroll">
      <table data-testid="records-recipients">
        <caption>{t("accountability.records.recipientsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("accountability.records.recipientColumns.name")}</th>
            <th scope="col">{t("accountability.records.recipientColumns.role")}</th>
            <th scope="col">{t("accountability.records.recipientColumns.what")}</th>
            <th scope="col">{t("accountability.records.recipientColumns.country")}</th>
            <th scope="col">{t("accountability.records.recipientColumns.transfer")}</th>
          </tr>
        </thead>
        <tbody>
          {recipients.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td>{r.roleName}</td>
              <td>{r.what}</td>
              <td>{r.countryName}</td>
              <td>{r.transferBasis ?? (r.insideEea ? t("accountability.records.inEea") : "")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
