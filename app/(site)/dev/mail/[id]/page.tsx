// One mail from the outbox: headers, the HTML in a sandboxed frame (no scripts, no same-origin access), the text.
import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/db/client";
import { getOutboxMessage } from "@/lib/mail/get-outbox-message";
import { isDevMailboxEnabled } from "@/lib/mail/is-dev-mailbox-enabled";
import { styles } from "../styles";

export const metadata: Metadata = { title: "Dev mailbox: message", robots: { index: false, follow: false } };

/** The language the mail declares on its <html> element, so its subject and text are read out in it. */
function mailLanguage(html: string): string | undefined {
  return /<html\b[^>]*\blang="([A-Za-z-]{2,20})"/i.exec(html)?.[1];
}

export default async function DevMailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  if (!isDevMailboxEnabled()) notFound();
  const { id } = await params;
  const message = await getOutboxMessage({ db: await getDb(), id });
  if (!message) notFound();
  const lang = mailLanguage(message.html);
  const headers = Object.entries(message.headers);

  return (
    <section lang="en" aria-labelledby="dev-mail-subject" style={styles.page}>
      <nav aria-label="Dev mailbox" style={styles.nav}>
        <Link href="/dev/mail" style={styles.link}>
          ← All mail
        </Link>
      </nav>
      <h1 id="dev-mail-subject" style={styles.h1}>
        <span lang={lang}>{message.subject}</span>
      </h1>
      <dl style={styles.dl}>
        <dt style={styles.dt}>From</dt>
        <dd style={styles.dd}>{message.from}</dd>
        <dt style={styles.dt}>To</dt>
        <dd style={styles.dd}>{message.to.join(", ")}</dd>
        <dt style={styles.dt}>Stored</dt>
        <dd style={styles.dd}>
          <time dateTime={message.createdAt.toISOString()}>{message.createdAt.toISOString()}</time>
        </dd>
      </dl>

      <section aria-labelledby="dev-mail-headers">
        <h2 id="dev-mail-headers" style={styles.h2}>
          Headers
        </h2>
        {headers.length === 0 ? (
          <p>No custom headers.</p>
        ) : (
          <table style={styles.table}>
            <thead>
              <tr>
                <th scope="col" style={styles.th}>
                  Name
                </th>
                <th scope="col" style={styles.th}>
                  Value
                </th>
              </tr>
            </thead>
            <tbody>
              {headers.map(([name, value]) => (
                <tr key={name}>
                  <th scope="row" style={styles.rowHeader}>
                    {name}
                  </th>
                  <td style={styles.td}>
                    <code>{value}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="dev-mail-html">
        <h2 id="dev-mail-html" style={styles.h2}>
          HTML
        </h2>
        {/* An empty sandbox: the mail's markup cannot run scripts, submit forms or reach this page. */}
        <iframe sandbox="" srcDoc={message.html} title={`HTML version of "${message.subject}"`} style={styles.frame} />
      </section>

      <section aria-labelledby="dev-mail-text">
        <h2 id="dev-mail-text" style={styles.h2}>
          Plain text
        </h2>
        <pre lang={lang} style={styles.pre}>
          {message.text}
        </pre>
      </section>
    </section>
  );
}
