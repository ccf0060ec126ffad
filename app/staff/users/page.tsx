// /staff/users: admins (staff.manage) list staff, invite new staff, change roles and deactivate or reactivate
// accounts. GET only renders; every change is a POSTed server action that checks the caller again.
import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/current-staff";
import { STAFF_ROLES } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { listStaffUsers } from "@/lib/staff-users/list-staff-users";
import styles from "../audit/staff-table.module.css";
import { Notice } from "../contacts/_components/notice";
import { changeStaffRoleAction, deactivateStaffAction, reactivateStaffAction } from "./actions";
import { InviteForm } from "./invite-form";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t.staffAdmin.title };
}

const time = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16);
const ERRORS = new Set(["self", "last_admin", "not_found", "forbidden", "invalid", "failed"]);

export default async function StaffUsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const me = await requireStaff("staff.manage", { returnTo: "/staff/users" });
  const { lang, t: all } = await getI18n(searchParams);
  const t = all.staffAdmin;
  const users = await listStaffUsers({ db: await getDb() });
  const done = typeof params.done === "string" ? params.done : "";
  const outcomes: Record<string, string | undefined> = t.outcome;
  const roleOptions = STAFF_ROLES.map((r) => ({ value: r, label: t.roles[r] }));

  return (
    <article aria-labelledby="users-heading">
      <h1 id="users-heading">{t.heading}</h1>
      <p className="lead">{t.lead}</p>
      <Notice error={ERRORS.has(done)} message={done ? (outcomes[done] ?? t.outcome.failed) : undefined} />
      <div className={styles.tableScroll}>
        <table className={styles.table} data-testid="staff-users">
          <caption>{t.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columns.name}</th>
              <th scope="col">{t.columns.email}</th>
              <th scope="col">{t.columns.role}</th>
              <th scope="col">{t.columns.status}</th>
              <th scope="col">{t.columns.lastSignIn}</th>
              <th scope="col">{t.columns.actions}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const name = u.name ?? u.email;
              const self = u.id === me.id;
              return (
                <tr key={u.id} id={`user-${u.id}`} data-email={u.email}>
                  <th scope="row">
                    {name} {self ? t.you : null}
                  </th>
                  <td className={styles.mono}>{u.email}</td>
                  <td data-testid="role">{t.roles[u.role]}</td>
                  <td data-testid="status">{u.active ? t.active : t.inactive}</td>
                  <td>{u.lastSignInAt ? time(u.lastSignInAt) : t.never}</td>
                  <td>
                    {self ? null : (
                      <div className="actions">
                        <form action={changeStaffRoleAction} className="actions">
                          <input type="hidden" name="id" value={u.id} />
                          <input type="hidden" name="uiLang" value={lang} />
                          <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                            {t.roleLabel(name)}
                          </label>
                          <select id={`role-${u.id}`} name="role" defaultValue={u.role} className="field__input">
                            {roleOptions.map((o) => (
                              <option key={o.value} value={o.value}>
                                {o.label}
                              </option>
                            ))}
                          </select>
                          <button type="submit" className="button" aria-label={t.changeRoleLabel(name)}>
                            {t.changeRole}
                          </button>
                        </form>
                        <form action={u.active ? deactivateStaffAction : reactivateStaffAction}>
                          <input type="hidden" name="id" value={u.id} />
                          <input type="hidden" name="uiLang" value={lang} />
                          <button
                            type="submit"
                            className="button"
                            aria-label={u.active ? t.deactivateLabel(name) : t.reactivateLabel(name)}
                          >
                            {u.active ? t.deactivate : t.reactivate}
                          </button>
                        </form>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t.invite.heading}</h2>
        <InviteForm
          lang={lang}
          texts={{
            email: t.invite.email,
            emailHint: t.invite.emailHint,
            name: t.invite.name,
            role: t.invite.role,
            submit: t.invite.submit,
          }}
          roles={roleOptions}
        />
      </section>
    </article>
  );
}
