// A line diff of two policy files as a table. Each changed line is marked three ways, never by colour alone: a + or −
// sign with its word for screen readers, <ins> or <del> around the text (underlined, struck through), and the row's
// colour; a text legend says how to read it. Used for two recorded versions and for a draft against the file in force.
import type { DiffRow } from "@/lib/policy/diff-policy-versions";
import type { Translator } from "@/lib/i18n/translator";
import styles from "./policy.module.css";

const CHANGE_WORD = {
  added: "accountability.policy.diffAdded",
  removed: "accountability.policy.diffRemoved",
  same: "accountability.policy.diffUnchanged",
} as const;

export function DiffTable({ rows, t }: { rows: DiffRow[]; t: Translator }) {
  return (
    <>
      <p id="diff-legend">{t("accountability.policy.diffLegend")}</p>
      <div className="table-scroll">
        <table className={styles.diff} aria-describedby="diff-legend" data-testid="policy-diff">
          <caption>{t("accountability.policy.diffCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("accountability.policy.diffColumns.old")}
              </th>
              <th scope="col" className="num">
                {t("accountability.policy.diffColumns.new")}
              </th>
              <th scope="col">{t("accountability.policy.diffColumns.change")}</th>
              <th scope="col">{t("accountability.policy.diffColumns.text")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) =>
              row.kind === "folded" ? (
                <tr key={i} className={styles.folded}>
                  <td colSpan={4}>{t("accountability.policy.diffFolded", { count: row.count })}</td>
                </tr>
              ) : (
                <tr key={i} className={styles[row.kind]} data-kind={row.kind}>
                  <td className="num">{row.old ?? ""}</td>
                  <td className="num">{row.new ?? ""}</td>
                  <td>
                    <span aria-hidden="true">{{ added: "+", removed: "−", same: "" }[row.kind]}</span>{" "}
                    <span className={row.kind === "same" ? "visually-hidden" : styles.word}>
                      {t(CHANGE_WORD[row.kind])}
                    </span>
                  </td>
                  <td className={styles.line}>
                    {row.kind === "added" ? (
                      <ins>{row.text}</ins>
                    ) : row.kind === "removed" ? (
                      <del>{row.text}</del>
                    ) : (
                      row.text
                    )}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
