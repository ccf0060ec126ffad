// The recorded policy versions (newest first, with the contacts collected under each) and the comparison of two of
// them: a GET form of two selects, then the line diff as a table. Each changed line is marked three ways, never by
// colour alone: a + or − sign with its word for screen readers, <ins> or <del> around the text (underlined, struck
// through), and the row's colour; a text legend says how to read it.
import { getTranslations } from "next-intl/server";
import type { PolicyVersionsForStaff } from "@/lib/access/load-policy-versions-for-staff";
import type { Language } from "@/lib/i18n/languages";
import { textIn } from "@/lib/policy/text-in";
import { dateTime } from "@/app/staff/_components/format";
import { DiffTable } from "./diff-table";

const short = (hash: string) => hash.slice(0, 12);

export async function PolicyVersions(props: {
  view: PolicyVersionsForStaff;
  lang: Language;
  from: string;
  to: string;
}) {
  const { view, lang } = props;
  const t = await getTranslations({ locale: lang });
  const versions = view.versions;
  const effectiveOf = new Map(versions.map((v) => [v.hash, v.effective]));
  // By default the version before the newest against the newest: what changed last.
  const from = props.from || versions[1]?.hash || "";
  const to = props.to || versions[0]?.hash || "";
  const label = (hash: string) =>
    t("accountability.policy.diffOption", { date: effectiveOf.get(hash) ?? "", id: short(hash) });
  const diff = view.diff;

  return (
    <>
      <section aria-labelledby="policy-versions">
        <h2 id="policy-versions">{t("accountability.policy.versionsHeading")}</h2>
        <p>{t("accountability.policy.versionsLead")}</p>
        <div className="table-scroll">
          <table data-testid="policy-versions-table">
            <caption>{t("accountability.policy.versionsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("accountability.policy.versionColumns.effective")}</th>
                <th scope="col">{t("accountability.policy.versionColumns.note")}</th>
                <th scope="col">{t("accountability.policy.versionColumns.firstSeen")}</th>
                <th scope="col" className="num">
                  {t("accountability.policy.versionColumns.contacts")}
                </th>
                <th scope="col">{t("accountability.policy.versionColumns.id")}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => {
                const note = textIn(v.note, lang);
                return (
                  <tr key={v.hash} data-version={v.hash}>
                    <th scope="row">
                      {v.effective}
                      {v.hash === view.current ? (
                        <>
                          {" "}
                          <span className="badge badge--ok">{t("accountability.policy.inForce")}</span>
                        </>
                      ) : null}
                    </th>
                    <td lang={note.lang === lang ? undefined : note.lang}>{note.text}</td>
                    <td>{dateTime(v.firstSeenAt)}</td>
                    <td className="num" data-testid="version-contacts">
                      {v.contacts}
                    </td>
                    <td className="mono" title={v.hash}>
                      {short(v.hash)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p data-testid="collected-before">
          {t("accountability.policy.collectedBefore", { count: view.collectedBeforeVersions })}
        </p>
      </section>

      <section aria-labelledby="policy-diff">
        <h2 id="policy-diff">{t("accountability.policy.diffHeading")}</h2>
        {versions.length < 2 ? (
          <p>{t("accountability.policy.diffOnlyOne")}</p>
        ) : (
          <form method="get" action="/staff/policy#policy-diff" className="filter-bar">
            <input type="hidden" name="lang" value={lang} />
            <div className="field">
              <label className="field__label" htmlFor="diff-from">
                {t("accountability.policy.diffFrom")}
              </label>
              <select className="field__input" id="diff-from" name="from" defaultValue={from}>
                {versions.map((v) => (
                  <option key={v.hash} value={v.hash}>
                    {label(v.hash)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor="diff-to">
                {t("accountability.policy.diffTo")}
              </label>
              <select className="field__input" id="diff-to" name="to" defaultValue={to}>
                {versions.map((v) => (
                  <option key={v.hash} value={v.hash}>
                    {label(v.hash)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button">
              {t("accountability.policy.diffSubmit")}
            </button>
          </form>
        )}
        {diff && !diff.ok ? (
          <p className="callout callout--danger" role="alert" data-testid="diff-unknown">
            {t("accountability.policy.diffUnknown")}
          </p>
        ) : null}
        {diff?.ok ? (
          <div data-testid="policy-diff-result">
            <p role="status">
              {diff.from === diff.to
                ? t("accountability.policy.diffSame")
                : t("accountability.policy.diffSummary", {
                    from: label(diff.from),
                    to: label(diff.to),
                    added: diff.added,
                    removed: diff.removed,
                  })}
            </p>
            {diff.from === diff.to ? null : (
              <>
                <DiffTable rows={diff.rows} t={t} />
              </>
            )}
          </div>
        ) : null}
      </section>
    </>
  );
}
