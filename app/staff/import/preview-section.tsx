"use client";
// The preview: the counts, the first rows of each kind (new with where their category and language come from, to
// update with the fields that change, skipped, blocked), the rejected rows with their reasons and the download of
// them, and what the import saves together.
import { useTranslations } from "next-intl";
import { TableFrame } from "@/app/staff/_components/kit/table-frame";
import { DownloadCsv } from "./download-csv";
import type { ImportFormState, PreviewTable, RowIssue } from "./state";

export function PreviewSection({ state }: { state: ImportFormState }) {
  const t = useTranslations("staffImport");
  return (
    <section aria-labelledby="import-preview-heading">
      <h2 id="import-preview-heading">{t("previewHeading")}</h2>
      <p data-testid="import-counts">{state.summary}</p>
      {state.tables?.map((table) => (
        <KindTable key={table.id} table={table} />
      ))}
      {state.rejected && state.errorRows?.length ? (
        <>
          <h3 id="preview-errors-heading">{state.rejected.heading}</h3>
          {state.rejected.shown ? <p>{state.rejected.shown}</p> : null}
          <IssueTable
            id="preview-errors"
            caption={state.rejected.heading}
            heads={{ row: t("columns.row"), field: t("columns.field"), reason: t("columns.reason") }}
            rows={state.errorRows}
          />
        </>
      ) : null}
      {state.rejectedCsv ? <DownloadCsv csv={state.rejectedCsv} testId="download-rejected" /> : null}
      <p data-testid="import-atomicity">{t("progressNote")}</p>
    </section>
  );
}

function KindTable({ table }: { table: PreviewTable }) {
  return (
    <>
      <h3 id={`${table.id}-heading`}>{table.heading}</h3>
      {table.shown ? <p>{table.shown}</p> : null}
      <TableFrame label={table.heading}>
        <table id={table.id}>
          <caption className="visually-hidden">{table.heading}</caption>
          <thead>
            <tr>
              {table.heads.map((h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                {r.cells.map((c, i) => (
                  <td key={i}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </>
  );
}

export function IssueTable(props: {
  id: string;
  caption: string;
  heads: { row: string; field: string; reason: string };
  rows: RowIssue[];
}) {
  return (
    <TableFrame label={props.caption}>
      <table id={props.id}>
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.heads.row}</th>
            <th scope="col">{props.heads.field}</th>
            <th scope="col">{props.heads.reason}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={`${r.row}-${i}`}>
              <td>{r.row}</td>
              <td>{r.field}</td>
              <td>{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
