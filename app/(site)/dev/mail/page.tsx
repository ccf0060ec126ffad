// Dev mailbox: what the outbox transport kept. English developer tool; exists only while the outbox is active.
// A named section, not <main>: the root layout owns the main landmark.
import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/db/client";
import { isDevMailboxEnabled } from "@/lib/mail/is-dev-mailbox-enabled";
import { listOutboxMessages } from "@/lib/mail/list-outbox-messages";
import { styles } from "./styles";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false, follow: false } };

const LIMIT = 100;

export default async function DevMailboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  if (!isDevMailboxEnabled()) notFound();
  const raw = (await searchParams).to;
  const to = (Array.isArray(raw) ? raw[0] : raw)?.trim() || undefined;
  const messages = await listOutboxMessages({ db: await getDb(), to, limit: LIMIT });

  return (
    <section lang="en" aria-labelledby="dev-mail-title" style={styles.page}>
      <h1 id="dev-mail-title" style={styles.h1}>
        Dev mailbox
      </h1>
      <p style={styles.muted}>
        Mail kept by the outbox transport instead of being sent, newest first (at most {LIMIT}). JSON:{" "}
        <a href="/api/dev/mail" style={styles.link}>
          /api/dev/mail
        </a>
      </p>
      <form role="search" method="get" action="/dev/mail" style={styles.form}>
        <label htmlFor="dev-mail-to">Recipient address</label>
        <input id="dev-mail-to" name="to" type="email" defaultValue={to ?? ""} style={styles.input} />
        <button type="submit" style={styles.button}>
          Filter
        </button>
        {to && (
          <Link href="/dev/mail" style={styles.link}>
            Show all
          </Link>
        )}
      </form>
      {messages.length === 0 ? (
        <p>{to ? `No mail to ${to}.` : "No mail yet."}</p>
      ) : (
        <table style={styles.table}>
          <caption style={styles.caption}>
            {messages.length} {messages.length === 1 ? "message" : "messages"}
            {to ? ` to ${to}` : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col" style={styles.th}>
                Subject
              </th>
              <th scope="col" style={styles.th}>
                To
              </th>
              <th scope="col" style={styles.th}>
                From
              </th>
              <th scope="col" style={styles.th}>
                Stored
              </th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td style={styles.td}>
                  <Link href={`/dev/mail/${encodeURIComponent(m.id)}`} style={styles.link}>
                    {m.subject}
                  </Link>
                </td>
                <td style={styles.td}>{m.to.join(", ")}</td>
                <td style={styles.td}>{m.from}</td>
                <td style={styles.td}>
                  <time dateTime={m.createdAt.toISOString()}>
                    {m.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
                  </time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
