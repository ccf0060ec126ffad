// A contact's full record for staff: what the person sees about themselves plus staff-only fields, cut down to what
// the role may receive (viewContact redacts and audits the read). In tabs: the overview with what staff act on
// (person, roles, subscriptions, actions), the record and its history as the person sees it, and notes. Buttons post server actions; GET changes nothing
// but the audit trail's record of the read.
import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { loadContactForStaff } from "@/lib/access/load-contact-for-staff";
import { listNotes } from "@/lib/notes/list-notes";
import { viewContact } from "@/lib/contacts/view-contact";
import { changeSubscriptionAction, endRoleAction, revokeLinksAction } from "../actions";
import { dateTime, day, first, today } from "@/app/staff/_components/format";
import { ContactRecord, type RecordSection } from "@/app/_components/contact-record/contact-record";
import { Notice } from "@/app/staff/_components/notice";
import { ConfirmSubmit } from "@/app/staff/_components/kit/confirm-submit";
import { DataTable } from "@/app/staff/_components/kit/data-table";
import { PageTabs } from "@/app/staff/_components/kit/page-tabs";
import { AddNoteForm } from "./add-note-form";
import { deleteNoteAction } from "./note-actions";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
export const dynamic = "force-dynamic";

// The sections the person sees on their own page, in the same order; staff add roles, subscriptions and notes with
// their actions above, and staff-only fields and copies given below.
const RECORD_SECTIONS: readonly RecordSection[] = [
  "source",
  "purposes",
  "retention",
  "mailings",
  "changes",
  "requests",
];
const CHANGES_SHOWN = 50;

const ADD_NOTE_FORM_MESSAGES = ["staffAdmin.notes.add", "staffAdmin.notes.hint", "staffAdmin.notes.label"];

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("register.contacts.title") };
}

export default async function ContactPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaff("contacts.read", { returnTo: `/staff/contacts/${id}` });
  const query = await searchParams;
  const { t, lang } = await getI18n(searchParams);
  const db = await getDb();
  const result = await viewContact({ db, staff, contactId: id });
  if (!result.ok) notFound();
  // Notes: only roles that may read them (never marketing or support) get them at all.
  const notes = await listNotes({ db, staff, contactId: id });
  const mayNote = notes.ok && (await loadContactForStaff({ db, staff, id, permission: "notes.write" })).ok;
  const { contact, record, staffOnly, writable } = result.view;
  const status = first(query.status);
  const error = first(query.error);
  const statusText: Record<string, string> = {
    saved: t("register.common.saved"),
    role_ended: t("register.contacts.roleEnded"),
    subscription_changed: t("register.contacts.subscriptionChanged"),
    revoked: t("register.contacts.revoked"),
    note_added: t("staffAdmin.notes.added"),
    note_deleted: t("staffAdmin.notes.deleted"),
  };
  const errorText: Record<string, string> = {
    forbidden: t("register.common.forbidden"),
    not_found: t("register.common.notFound"),
    invalid: t("register.common.invalid"),
    opted_out: t("register.contacts.optedOutNote"),
    failed: t("register.common.failed"),
  };
  const todayValue = today();
  const mayRoles = (await loadContactForStaff({ db, staff, id, permission: "roles.write" })).ok;

  return (
    <article aria-labelledby="contact-heading">
      <h1 id="contact-heading">{contact.name}</h1>
      {error ? (
        <Notice error message={errorText[error] ?? t("register.common.failed")} />
      ) : (
        <Notice message={statusText[status]} />
      )}
      {writable ? (
        <p>
          <Link href={`/staff/contacts/${id}/edit`} className="button">
            {t("register.common.edit")}
          </Link>
        </p>
      ) : (
        <p className="muted">
          {result.view.full ? t("register.common.readOnly") : t("register.contacts.readOnlyNote")}
        </p>
      )}

      <PageTabs
        label={t("register.contacts.tabs.label")}
        selected={first(query.tab)}
        tabs={[
          {
            id: "overview",
            label: t("register.contacts.tabs.overview"),
            content: (
              <>
                <h2>{t("register.contacts.personHeading")}</h2>
                <dl data-testid="contact-fields">
                  <dt>{t("register.contacts.fields.name")}</dt>
                  <dd>{contact.name}</dd>
                  <dt>{t("register.contacts.fields.email")}</dt>
                  <dd>{contact.email}</dd>
                  {"phone" in contact ? (
                    <>
                      <dt>{t("register.contacts.fields.phone")}</dt>
                      <dd data-testid="contact-phone">{contact.phone ?? "–"}</dd>
                    </>
                  ) : null}
                  <dt>{t("register.contacts.fields.jobTitle")}</dt>
                  <dd>{contact.jobTitle ?? "–"}</dd>
                  <dt>{t("register.contacts.fields.language")}</dt>
                  <dd>{contact.language ? t(`register.languages.${contact.language}`) : "–"}</dd>
                  <dt>{t("register.contacts.fields.category")}</dt>
                  <dd>{contact.category ? t(`enums.contactCategory.label.${contact.category}`) : "–"}</dd>
                  <dt>{t("register.contacts.fields.crmId")}</dt>
                  <dd data-testid="contact-crm-id">{contact.crmId ?? "–"}</dd>
                  <dt>{t("register.contacts.fields.supportDeskId")}</dt>
                  <dd>{contact.supportDeskId ?? "–"}</dd>
                  {record ? (
                    <>
                      <dt>{t("register.contacts.fields.optedOut")}</dt>
                      <dd>{contact.marketingOptOutAt ? day(contact.marketingOptOutAt) : t("register.common.no")}</dd>
                      <dt>{t("register.contacts.fields.createdAt")}</dt>
                      <dd>{day(contact.createdAt)}</dd>
                      <dt>{t("register.contacts.fields.lastActivityAt")}</dt>
                      <dd>{day(contact.lastActivityAt) || "–"}</dd>
                      {result.view.legalHolds && result.view.legalHolds.length > 0 ? (
                        <>
                          <dt>{t("register.contacts.fields.legalHold")}</dt>
                          <dd data-testid="contact-legal-hold">
                            <ul>
                              {result.view.legalHolds.map((h, i) => (
                                <li key={i}>
                                  {t(
                                    h.organisation
                                      ? "register.contacts.legalHoldOrganisation"
                                      : "register.contacts.legalHoldContact",
                                    {
                                      date: day(h.endsOn),
                                      organisation: h.organisation ?? "",
                                    },
                                  )}
                                  {h.reason ? ` (${h.reason})` : null}
                                </li>
                              ))}
                            </ul>
                          </dd>
                        </>
                      ) : null}
                    </>
                  ) : null}
                </dl>

                <h2>{t("register.contacts.rolesHeading")}</h2>
                {mayRoles && writable ? (
                  <Link href={`/staff/contacts/${id}/roles`}>{t("register.contacts.addRole")}</Link>
                ) : null}
                <DataTable
                  caption={t("register.contacts.rolesHeading")}
                  rows={staffOnly.roles}
                  empty={<p>{t("register.contacts.noRoles")}</p>}
                  columns={[
                    {
                      key: "organisation",
                      header: t("register.contacts.roleColumns.organisation"),
                      cell: (role) => (
                        <Link href={`/staff/organisations/${role.organisationId}`}>{role.organisation}</Link>
                      ),
                    },
                    {
                      key: "role",
                      header: t("register.contacts.roleColumns.role"),
                      cell: (role) =>
                        `${t(`enums.roleType.label.${role.type}`)}${role.title ? ` (${role.title})` : ""}`,
                    },
                    {
                      key: "starts",
                      header: t("register.contacts.roleColumns.starts"),
                      nowrap: true,
                      cell: (role) => day(role.startsOn),
                    },
                    {
                      key: "ends",
                      header: t("register.contacts.roleColumns.ends"),
                      nowrap: true,
                      cell: (role) => day(role.endsOn) || t("register.organisations.ongoing"),
                    },
                    ...(mayRoles
                      ? [
                          {
                            key: "action",
                            header: t("register.contacts.roleColumns.action"),
                            cell: (role: (typeof staffOnly.roles)[number]) =>
                              role.endsOn === null && writable ? (
                                <form action={endRoleAction} className="actions">
                                  <input type="hidden" name="id" value={id} />
                                  <input type="hidden" name="roleId" value={role.id} />
                                  <label className="visually-hidden" htmlFor={`end-${role.id}`}>
                                    {t("register.contacts.endRoleLabel", {
                                      role: t(`enums.roleType.label.${role.type}`),
                                      org: role.organisation,
                                    })}
                                  </label>
                                  <input
                                    id={`end-${role.id}`}
                                    type="date"
                                    name="endsOn"
                                    defaultValue={todayValue}
                                    className="field__input"
                                    required
                                  />
                                  <button
                                    type="submit"
                                    className="button button--secondary button--small"
                                    aria-label={`${t("register.contacts.endRole")}: ${t(`enums.roleType.label.${role.type}`)}, ${role.organisation}`}
                                  >
                                    {t("register.contacts.endRole")}
                                  </button>
                                </form>
                              ) : null,
                          },
                        ]
                      : []),
                  ]}
                />

                <h2>{t("register.contacts.subscriptionsHeading")}</h2>
                {contact.marketingOptOutAt ? <p>{t("register.contacts.optedOutNote")}</p> : null}
                <ul>
                  {staffOnly.subscriptions.map((s) => {
                    const name = lang === "en" ? s.nameEn : s.nameSv;
                    const on = s.state === "SUBSCRIBED";
                    return (
                      <li key={s.topicId}>
                        {name}: {on ? t("register.contacts.subscribed") : t("register.contacts.unsubscribed")}
                        {writable && (on || !(s.isMarketing && contact.marketingOptOutAt)) ? (
                          <form action={changeSubscriptionAction} style={{ display: "inline", marginLeft: "0.5rem" }}>
                            <input type="hidden" name="id" value={id} />
                            <input type="hidden" name="topicId" value={s.topicId} />
                            <input type="hidden" name="state" value={on ? "UNSUBSCRIBED" : "SUBSCRIBED"} />
                            <button type="submit" className="button">
                              {on
                                ? t("register.contacts.unsubscribe", { topic: name })
                                : t("register.contacts.subscribe", { topic: name })}
                            </button>
                          </form>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
                {writable || can(staff, "contacts.erase") ? (
                  <>
                    <h2>{t("register.contacts.actionsHeading")}</h2>
                    {writable ? (
                      <form action={revokeLinksAction}>
                        <input type="hidden" name="id" value={id} />
                        <p id="revoke-hint" className="field__hint">
                          {t("register.contacts.revokeHint")}
                        </p>
                        <ConfirmSubmit
                          label={t("register.contacts.revoke")}
                          describedBy="revoke-hint"
                          heading={t("staff.kit.confirm.revoke.heading")}
                          body={t("staff.kit.confirm.revoke.body")}
                          confirmLabel={t("staff.kit.confirm.revoke.confirm")}
                          backLabel={t("staff.kit.confirm.back")}
                        />
                      </form>
                    ) : null}
                    {can(staff, "contacts.erase") ? (
                      <p>
                        <Link href={`/staff/contacts/${id}/erase`}>{t("register.contacts.erase")}</Link>
                      </p>
                    ) : null}
                  </>
                ) : null}
              </>
            ),
          },
          ...(record
            ? [
                {
                  id: "record",
                  label: t("register.contacts.tabs.record"),
                  content: (
                    <>
                      {record ? (
                        <ContactRecord
                          record={record}
                          lang={lang}
                          audience="staff"
                          sections={["subscriptionHistory"]}
                          formatDay={day}
                          formatDateTime={dateTime}
                        />
                      ) : null}

                      {can(staff, "contacts.readFull") ? (
                        <section aria-labelledby="evidence-heading">
                          <h2 id="evidence-heading">{t("register.contacts.evidence.heading")}</h2>
                          <p>{t("register.contacts.evidence.lead")}</p>
                          <ul>
                            <li>
                              <a href={`/staff/contacts/${id}/evidence.json`} download>
                                {t("register.contacts.evidence.json")}
                              </a>
                            </li>
                            <li>
                              <a href={`/staff/contacts/${id}/evidence.csv`} download>
                                {t("register.contacts.evidence.csv")}
                              </a>
                            </li>
                          </ul>
                        </section>
                      ) : null}

                      {record ? (
                        <>
                          <ContactRecord
                            record={record}
                            lang={lang}
                            audience="staff"
                            sections={RECORD_SECTIONS}
                            formatDay={day}
                            formatDateTime={dateTime}
                            changesShown={CHANGES_SHOWN}
                          />
                          <h2>{t("register.contacts.staffHeading")}</h2>
                          <dl>
                            <dt>{t("register.contacts.tokenVersion")}</dt>
                            <dd>{staffOnly.tokenVersion}</dd>
                            <dt>{t("register.contacts.sourceStaff")}</dt>
                            <dd>{staffOnly.sourceStaff ?? "–"}</dd>
                          </dl>
                          <h2 id="copies-heading">{t("register.contacts.copiesHeading")}</h2>
                          {result.view.copiesGiven?.length ? (
                            <ul aria-labelledby="copies-heading" data-testid="copies-given">
                              {result.view.copiesGiven.map((c, i) => (
                                <li key={i} data-kind={c.kind}>
                                  {dateTime(c.at)} {t("register.contacts.copyKind", { kind: c.kind })}
                                </li>
                              ))}
                            </ul>
                          ) : (
                            <p>{t("register.contacts.noCopies")}</p>
                          )}
                        </>
                      ) : null}
                    </>
                  ),
                },
              ]
            : []),
          ...(notes.ok
            ? [
                {
                  id: "notes",
                  label: t("register.contacts.tabs.notes", { count: notes.notes.length }),
                  content: (
                    <>
                      {notes.ok ? (
                        <section aria-labelledby="notes-heading" data-testid="notes">
                          <h2 id="notes-heading">{t("staffAdmin.notes.heading")}</h2>
                          {notes.notes.length === 0 ? (
                            <p>{t("staffAdmin.notes.none")}</p>
                          ) : (
                            <ul>
                              {notes.notes.map((n) => (
                                <li key={n.id}>
                                  <p style={{ whiteSpace: "pre-wrap" }}>{n.body}</p>
                                  <div className="muted">
                                    {t("staffAdmin.notes.by", {
                                      author: n.author ?? t("staffAdmin.notes.unknownAuthor"),
                                      date: day(n.createdAt),
                                    })}
                                    {mayNote ? (
                                      <form
                                        action={deleteNoteAction}
                                        style={{ display: "inline", marginLeft: "0.5rem" }}
                                      >
                                        <input type="hidden" name="id" value={id} />
                                        <input type="hidden" name="noteId" value={n.id} />
                                        <ConfirmSubmit
                                          className="button button--danger button--small"
                                          label={t("staffAdmin.notes.delete")}
                                          ariaLabel={t("staffAdmin.notes.deleteLabel", { date: day(n.createdAt) })}
                                          heading={t("staff.kit.confirm.deleteNote.heading", {
                                            date: day(n.createdAt),
                                          })}
                                          body={t("staff.kit.confirm.deleteNote.body")}
                                          confirmLabel={t("staff.kit.confirm.deleteNote.confirm")}
                                          backLabel={t("staff.kit.confirm.back")}
                                        />
                                      </form>
                                    ) : null}
                                  </div>
                                </li>
                              ))}
                            </ul>
                          )}
                          {mayNote ? (
                            <ClientMessages lang={lang} paths={ADD_NOTE_FORM_MESSAGES}>
                              <AddNoteForm contactId={id} lang={lang} />
                            </ClientMessages>
                          ) : null}
                        </section>
                      ) : null}
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
    </article>
  );
}
