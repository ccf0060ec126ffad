// What the pages behind single-purpose links (/s step-up, /e email confirmation) need before they render: the link
// checked, the person it is for (their stored language), and for /e the address waiting for confirmation. Reading
// only: GET must survive link scanners, the change happens in the page's action.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { LinkKey } from "@/lib/env/config";
import type { Language } from "@/lib/generated/prisma/enums";
import { resolveLink, type LinkProblem } from "./resolve-link";

export type LinkPageRefusal = { ok: false; problem: LinkProblem; contactId?: string };

export async function loadStepUpLinkPage(opts: {
  db: Db;
  token: string;
  keys: LinkKey[];
}): Promise<{ ok: true; language: Language } | LinkPageRefusal> {
  const link = await resolveLink({ db: opts.db, token: opts.token, scopes: ["stepUp"], keys: opts.keys });
  if (!link.ok) return link;
  const contact = await opts.db.contact.findUnique({ where: { id: link.contactId }, select: { language: true } });
  if (!contact) return { ok: false, problem: "unknown_contact" };
  return { ok: true, language: contact.language };
}

export async function loadEmailChangeLinkPage(opts: {
  db: Db;
  token: string;
  keys: LinkKey[];
}): Promise<{ ok: true; contactId: string; language: Language; newEmail: string | null } | LinkPageRefusal> {
  const link = await resolveLink({ db: opts.db, token: opts.token, scopes: ["emailChange"], keys: opts.keys });
  if (!link.ok) return link;
  const contact = await opts.db.contact.findUnique({ where: { id: link.contactId }, select: { language: true } });
  if (!contact) return { ok: false, problem: "unknown_contact" };
  // A change already confirmed, replaced or expired has no row: the page says the link is spent.
  const pending = await opts.db.pendingEmailChange.findUnique({
    where: { id: link.claims.extra ?? "" },
    select: { newEmail: true },
  });
  return { ok: true, contactId: link.contactId, language: contact.language, newEmail: pending?.newEmail ?? null };
}
