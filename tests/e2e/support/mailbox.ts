// The mail an e2e server sent, as the fake Resend API accepted it (single sends and batches alike), newest first.
import type { FakeResend } from "../../support/fake-resend";

export type SentMail = {
  /** The id the fake answered with. */
  id: string;
  to: string[];
  from: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  tags: { name: string; value: string }[];
};

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];

export function sentMails(resend: FakeResend, to?: string): SentMail[] {
  const address = to?.trim().toLowerCase();
  return resend.accepted
    .map(({ id, payload }) => ({
      id,
      to: list(payload.to),
      from: String(payload.from ?? ""),
      subject: String(payload.subject ?? ""),
      html: String(payload.html ?? ""),
      text: String(payload.text ?? ""),
      headers: (payload.headers ?? {}) as Record<string, string>,
      tags: (payload.tags ?? []) as { name: string; value: string }[],
    }))
    .filter((mail) => !address || mail.to.some((t) => t.toLowerCase() === address))
    .reverse();
}
