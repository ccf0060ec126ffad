import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { FORBIDDEN_PATH, requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { listMailings } from "@/lib/mailings/list-mailings";
import { formatStockholm } from "@/lib/mailings/stockholm-time";
import { first } from "../contacts/_components/format";
import { Pagination } from "../contacts/_components/pagination";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t.mailings.title };
}

export default async function MailingsPage({ searchParams }: Props) {
  const staff = await requireStaff("mailings.send", { returnTo: "/staff/mailings" });
  const query = await searchParams;
  const { t, lang } = await getI18n(query);
  const m = t.mailings;
  const result = await listMailings({ db: await getDb(), staff, page: Number(first(query.page)) || 1 });
  if (!result.ok) redirect(FORBIDDEN_PATH);
  return (
    <article aria-labelledby="mailings-heading">
      <h1 id="mailings-heading">{m.heading}</h1>
      <p>
        <Link href="/staff/mailings/new" className="button">
          {m.create}
        </Link>
      </p>
      <p role="status">{m.pageOf(result.page, result.pages, result.total)}</p>
      {result.rows.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{m.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.columns.name}</th>
              <th scope="col">{m.columns.topic}</th>
              <th scope="col">{m.columns.segment}</th>
              <th scope="col">{m.columns.status}</th>
              <th scope="col">{m.columns.when}</th>
              <th scope="col">{m.columns.progress}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/staff/mailings/${encodeURIComponent(r.id)}`}>{r.name}</Link>
                </td>
                <td>{lang === "sv" ? r.topic.nameSv : r.topic.nameEn}</td>
                <td>{r.segment.name}</td>
                <td>{m.status[r.status]}</td>
                <td>
                  {formatStockholm(r.createdAt)}
                  {r.scheduledAt ? (
                    <>
                      <br />
                      {m.scheduledFor(formatStockholm(r.scheduledAt))}
                    </>
                  ) : null}
                </td>
                <td>{m.summary(r.counts.sent, r.counts.total, r.counts.failed, r.counts.suppressed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination base="/staff/mailings" query={{}} page={result.page} pages={result.pages} texts={t.register.common} />
    </article>
  );
}
