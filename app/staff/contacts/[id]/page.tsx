// A contact's full record for staff: what the person sees about themselves plus staff-only fields, cut down to what
// the role may receive (viewContact redacts and audits the read). Buttons post server actions; GET changes nothing
// but the audit trail's record of the read.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { loadContactForStaff } from "@/lib/access/load-contact-for-staff";
import { listNotes } from "@/lib/notes/list-notes";
import { viewContact } from "@/lib/contacts/view-contact";
import { changeSubscriptionAction, endRoleAction, revokeLinksAction } from "../actions";
import { day, first } from "../_components/format";
import { Notice } from "../_components/notice";
import { AddNoteForm } from "./add-note-form";
import { deleteNoteAction } from "./note-actions";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t.register.contacts.title };
}

export default async function ContactPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaff("contacts.read", { returnTo: `/staff/contacts/${id}` });
  const query = await searchParams;
  const { t, lang } = await getI18n(searchParams);
  const r = t.register;
  const ct = r.contacts;
  const db = await getDb();
  const result = await viewContact({ db, staff, contactId: id });
  if (!result.ok) notFound();
  // Notes: only roles that may read them (never marketing or support) get them at all.
  const notes = await listNotes({ db, staff, contactId: id });
  const mayNote = notes.ok && (await loadContactForStaff({ db, staff, id, permission: "notes.write" })).ok;
  const nt = t.staffAdmin.notes;
  const { contact, record, staffOnly, writable } = result.view;
  const status = first(query.status);
  const error = first(query.error);
  const statusText: Record<string, string> = {
    saved: r.common.saved,
    role_ended: ct.roleEnded,
    subscription_changed: ct.subscriptionChanged,
    revoked: ct.revoked,
    note_added: nt.added,
    note_deleted: nt.deleted,
  };
  const errorText: Record<string, string> = {
    forbidden: r.common.forbidden,
    not_found: r.common.notFound,
    invalid: r.common.invalid,
    opted_out: ct.optedOutNote,
    failed: r.common.failed,
  };
  const today = new Date().toISOString().slice(0, 10);
  const mayRoles = (await loadContactForStaff({ db, staff, id, permission: "roles.write" })).ok;

  return (
    <article aria-labelledby="contact-heading">
      <h1 id="contact-heading">{contact.name}</h1>
      {error ? <Notice error message={errorText[error] ?? r.common.failed} /> : <Notice message={statusText[status]} />}
      {writable ? (
        <p>
          <Link href={`/staff/contacts/${id}/edit`} className="button">
            {r.common.edit}
          </Link>
        </p>
      ) : (
        <p className="muted">{result.view.full ? r.common.readOnly : ct.readOnlyNote}</p>
      )}

      <h2>{ct.personHeading}</h2>
      <dl data-testid="contact-fields">
        <dt>{ct.fields.name}</dt>
        <dd>{contact.name}</dd>
        <dt>{ct.fields.email}</dt>
        <dd>{contact.email}</dd>
        {"phone" in contact ? (
          <>
            <dt>{ct.fields.phone}</dt>
            <dd data-testid="contact-phone">{contact.phone ?? "–"}</dd>
          </>
        ) : null}
        <dt>{ct.fields.jobTitle}</dt>
        <dd>{contact.jobTitle ?? "–"}</dd>
        <dt>{ct.fields.language}</dt>
        <dd>{contact.language ? r.languages[contact.language] : "–"}</dd>
        <dt>{ct.fields.category}</dt>
        <dd>{contact.category ? r.category[contact.category] : "–"}</dd>
        {record ? (
          <>
            <dt>{ct.fields.optedOut}</dt>
            <dd>{contact.marketingOptOutAt ? day(contact.marketingOptOutAt) : r.common.no}</dd>
            <dt>{ct.fields.createdAt}</dt>
            <dd>{day(contact.createdAt)}</dd>
            <dt>{ct.fields.lastActivityAt}</dt>
            <dd>{day(contact.lastActivityAt) || "–"}</dd>
          </>
        ) : null}
      </dl>

      <h2>{ct.rolesHeading}</h2>
      {mayRoles && writable ? <Link href={`/staff/contacts/${id}/roles`}>{ct.addRole}</Link> : null}
      {staffOnly.roles.length === 0 ? (
        <p>{ct.noRoles}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{ct.rolesHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{ct.roleColumns.organisation}</th>
              <th scope="col">{ct.roleColumns.role}</th>
              <th scope="col">{ct.roleColumns.starts}</th>
              <th scope="col">{ct.roleColumns.ends}</th>
              {mayRoles ? <th scope="col">{ct.roleColumns.action}</th> : null}
            </tr>
          </thead>
          <tbody>
            {staffOnly.roles.map((role) => {
              const label = ct.endRoleLabel(r.roleType[role.type], role.organisation);
              return (
                <tr key={role.id}>
                  <td>
                    <Link href={`/staff/organisations/${role.organisationId}`}>{role.organisation}</Link>
                  </td>
                  <td>
                    {r.roleType[role.type]}
                    {role.title ? ` (${role.title})` : ""}
                  </td>
                  <td>{day(role.startsOn)}</td>
                  <td>{day(role.endsOn) || r.organisations.ongoing}</td>
                  {mayRoles ? (
                    <td>
                      {role.endsOn === null && writable ? (
                        <form action={endRoleAction} className="actions">
                          <input type="hidden" name="id" value={id} />
                          <input type="hidden" name="roleId" value={role.id} />
                          <label className="visually-hidden" htmlFor={`end-${role.id}`}>
                            {label}
                          </label>
                          <input
                            id={`end-${role.id}`}
                            type="date"
                            name="endsOn"
                            defaultValue={today}
                            className="field__input"
                            required
                          />
                          <button
                            type="submit"
                            className="button"
                            aria-label={`${ct.endRole}: ${r.roleType[role.type]}, ${role.organisation}`}
                          >
                            {ct.endRole}
                          </button>
                        </form>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h2>{ct.subscriptionsHeading}</h2>
      {contact.marketingOptOutAt ? <p>{ct.optedOutNote}</p> : null}
      <ul>
        {staffOnly.subscriptions.map((s) => {
          const name = lang === "en" ? s.nameEn : s.nameSv;
          const on = s.state === "SUBSCRIBED";
          return (
            <li key={s.topicId}>
              {name}: {on ? ct.subscribed : ct.unsubscribed}
              {writable && (on || !(s.isMarketing && contact.marketingOptOutAt)) ? (
                <form action={changeSubscriptionAction} style={{ display: "inline", marginLeft: "0.5rem" }}>
                  <input type="hidden" name="id" value={id} />
                  <input type="hidden" name="topicId" value={s.topicId} />
                  <input type="hidden" name="state" value={on ? "UNSUBSCRIBED" : "SUBSCRIBED"} />
                  <button type="submit" className="button">
                    {on ? ct.unsubscribe(name) : ct.subscribe(name)}
                  </button>
                </form>
              ) : null}
            </li>
          );
        })}
      </ul>

      {notes.ok ? (
        <section aria-labelledby="notes-heading" data-testid="notes">
          <h2 id="notes-heading">{nt.heading}</h2>
          {notes.notes.length === 0 ? (
            <p>{nt.none}</p>
          ) : (
            <ul>
              {notes.notes.map((n) => (
                <li key={n.id}>
                  <p style={{ whiteSpace: "pre-wrap" }}>{n.body}</p>
                  <div className="muted">
                    {nt.by(n.author ?? nt.unknownAuthor, day(n.createdAt))}
                    {mayNote ? (
                      <form action={deleteNoteAction} style={{ display: "inline", marginLeft: "0.5rem" }}>
                        <input type="hidden" name="id" value={id} />
                        <input type="hidden" name="noteId" value={n.id} />
                        <button type="submit" className="button" aria-label={nt.deleteLabel(day(n.createdAt))}>
                          {nt.delete}
                        </button>
                      </form>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
          {mayNote ? (
            <AddNoteForm contactId={id} lang={lang} texts={{ label: nt.label, hint: nt.hint, add: nt.add }} />
          ) : null}
        </section>
      ) : null}

      {record ? (
        <>
          <h2>{ct.sourceHeading}</h2>
          <dl>
            <dt>{ct.source}</dt>
            <dd>{r.sourceType[record.source.type]}</dd>
            <dt>{ct.sourceDetail}</dt>
            <dd>{record.source.detail ?? "–"}</dd>
            <dt>{ct.sourceDate}</dt>
            <dd>{day(record.source.date) || "–"}</dd>
          </dl>
          <h2>{ct.purposesHeading}</h2>
          <ul>
            {record.purposes.map((p) => (
              <li key={p.purpose}>
                {p.purpose}: {r.legalBasis[p.basis]}
              </li>
            ))}
          </ul>
          <h2>{ct.retentionHeading}</h2>
          <p>
            {record.retention.kind === "ongoing"
              ? ct.retentionOngoing(record.retention.years)
              : ct.retentionDate(day(record.retention.deleteBy))}
          </p>
          <h2>{ct.staffHeading}</h2>
          <dl>
            <dt>{ct.tokenVersion}</dt>
            <dd>{staffOnly.tokenVersion}</dd>
            <dt>{ct.sourceStaff}</dt>
            <dd>{staffOnly.sourceStaff ?? "–"}</dd>
          </dl>
          <h2>{ct.historyHeading}</h2>
          {record.changes.length === 0 ? (
            <p>{ct.noHistory}</p>
          ) : (
            <ul>
              {record.changes.slice(0, 50).map((c, i) => (
                <li key={i}>
                  {day(c.at)} {c.action} {c.fields.length ? `(${c.fields.join(", ")})` : ""}
                </li>
              ))}
            </ul>
          )}
          <h2>{ct.privacyHeading}</h2>
          <ul>
            {record.privacyRequests.map((p, i) => (
              <li key={i}>
                {day(p.receivedAt)} {p.type} {p.status}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {writable || can(staff, "contacts.erase") ? (
        <>
          <h2>{ct.actionsHeading}</h2>
          {writable ? (
            <form action={revokeLinksAction}>
              <input type="hidden" name="id" value={id} />
              <p id="revoke-hint" className="field__hint">
                {ct.revokeHint}
              </p>
              <button type="submit" className="button" aria-describedby="revoke-hint">
                {ct.revoke}
              </button>
            </form>
          ) : null}
          {can(staff, "contacts.erase") ? (
            <p>
              <Link href={`/staff/contacts/${id}/erase`}>{ct.erase}</Link>
            </p>
          ) : null}
        </>
      ) : null}
    </article>
  );
}
