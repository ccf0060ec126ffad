// /staff/users: admins (staff.manage) list staff, invite new staff, change roles and deactivate or reactivate
// accounts. GET only renders; every change is a POSTed server action that checks the caller again.
import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/current-staff";
import { STAFF_ROLES } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { listStaffUsers } from "@/lib/staff-users/list-staff-users";
import { Notice } from "@/app/staff/_components/notice";
import { ConfirmSubmit } from "@/app/staff/_components/kit/confirm-submit";
import { DataTable } from "@/app/staff/_components/kit/data-table";
import { changeStaffRoleAction, deactivateStaffAction, reactivateStaffAction } from "./actions";
import { InviteForm } from "./invite-form";
import { textsAt } from "@/lib/i18n/texts-at";
import { dateTime } from "@/app/staff/_components/format";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

const INVITE_FORM_MESSAGES = [
  "staffAdmin.invite.email",
  "staffAdmin.invite.emailHint",
  "staffAdmin.invite.name",
  "staffAdmin.invite.role",
  "staffAdmin.invite.submit",
];

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("staffAdmin.title") };
}

const ERRORS = new Set(["self", "last_admin", "not_found", "forbidden", "invalid", "failed"]);

export default async function StaffUsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const me = await requireStaff("staff.manage", { returnTo: "/staff/users" });
  const { lang, t } = await getI18n(searchParams);
  const users = await listStaffUsers({ db: await getDb() });
  const done = typeof params.done === "string" ? params.done : "";
  const outcomes: Record<string, string | undefined> = textsAt(lang, "staffAdmin.outcome");
  const roleOptions = STAFF_ROLES.map((r) => ({ value: r, label: t(`enums.staffRole.label.${r}`) }));

  return (
    <article aria-labelledby="users-heading">
      <h1 id="users-heading">{t("staffAdmin.heading")}</h1>
      <p className="lead">{t("staffAdmin.lead")}</p>
      <Notice
        error={ERRORS.has(done)}
        message={done ? (outcomes[done] ?? t("staffAdmin.outcome.failed")) : undefined}
      />
      <DataTable
        caption={t("staffAdmin.tableCaption")}
        showCaption
        testId="staff-users"
        rows={users}
        // Never empty: the admin reading it is on it.
        empty={null}
        rowAttributes={(u) => ({ id: `user-${u.id}`, "data-email": u.email })}
        columns={[
          {
            key: "name",
            header: t("staffAdmin.columns.name"),
            rowHeader: true,
            cell: (u) => (
              <>
                {u.name ?? u.email} {u.id === me.id ? t("staffAdmin.you") : null}
              </>
            ),
          },
          { key: "email", header: t("staffAdmin.columns.email"), className: "mono", cell: (u) => u.email },
          {
            key: "role",
            header: t("staffAdmin.columns.role"),
            testId: "role",
            cell: (u) => t(`enums.staffRole.label.${u.role}`),
          },
          {
            key: "status",
            header: t("staffAdmin.columns.status"),
            testId: "status",
            cell: (u) => (u.active ? t("staffAdmin.active") : t("staffAdmin.inactive")),
          },
          {
            key: "lastSignIn",
            header: t("staffAdmin.columns.lastSignIn"),
            cell: (u) => (u.lastSignInAt ? dateTime(u.lastSignInAt) : t("staffAdmin.never")),
          },
          {
            key: "actions",
            header: t("staffAdmin.columns.actions"),
            cell: (u) => {
              if (u.id === me.id) return null;
              const name = u.name ?? u.email;
              return (
                <div className="actions">
                  <form action={changeStaffRoleAction} className="actions">
                    <input type="hidden" name="id" value={u.id} />
                    <input type="hidden" name="uiLang" value={lang} />
                    <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                      {t("staffAdmin.roleLabel", { name })}
                    </label>
                    <select id={`role-${u.id}`} name="role" defaultValue={u.role} className="field__input">
                      {roleOptions.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="button" aria-label={t("staffAdmin.changeRoleLabel", { name })}>
                      {t("staffAdmin.changeRole")}
                    </button>
                  </form>
                  <form action={u.active ? deactivateStaffAction : reactivateStaffAction}>
                    <input type="hidden" name="id" value={u.id} />
                    <input type="hidden" name="uiLang" value={lang} />
                    {u.active ? (
                      <ConfirmSubmit
                        className="button button--danger button--small"
                        label={t("staffAdmin.deactivate")}
                        ariaLabel={t("staffAdmin.deactivateLabel", { name })}
                        heading={t("staff.kit.confirm.deactivate.heading", { name })}
                        body={t("staff.kit.confirm.deactivate.body", { name })}
                        confirmLabel={t("staff.kit.confirm.deactivate.confirm")}
                        backLabel={t("staff.kit.confirm.back")}
                      />
                    ) : (
                      <button
                        type="submit"
                        className="button button--small"
                        aria-label={t("staffAdmin.reactivateLabel", { name })}
                      >
                        {t("staffAdmin.reactivate")}
                      </button>
                    )}
                  </form>
                </div>
              );
            },
          },
        ]}
      />
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t("staffAdmin.invite.heading")}</h2>
        <ClientMessages lang={lang} paths={INVITE_FORM_MESSAGES}>
          <InviteForm lang={lang} roles={roleOptions} />
        </ClientMessages>
      </section>
    </article>
  );
}
