import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/current-staff";
import { permissionsOf } from "@/lib/auth/permissions";
import { getI18n } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("staff.home.title") };
}

export default async function StaffHomePage() {
  const staff = await requireStaff();
  const { t } = await getI18n();
  const may = permissionsOf(staff.role);
  return (
    <article className="prose" aria-labelledby="staff-home-heading">
      <h1 id="staff-home-heading">{t("staff.home.heading")}</h1>
      <dl>
        <dt>{t("staff.home.signedInAs")}</dt>
        <dd data-testid="staff-identity">{staff.name ? `${staff.name} (${staff.email})` : staff.email}</dd>
        <dt>{t("staff.home.role")}</dt>
        <dd data-testid="staff-role">{t(`enums.staffRole.label.${staff.role}`)}</dd>
      </dl>
      <h2>{t("staff.home.mayHeading")}</h2>
      <ul>
        {may.map((p) => (
          <li key={p}>{t(`staff.permissions.${p}`)}</li>
        ))}
      </ul>
      {staff.role === "ACCOUNT_MANAGER" ? <p>{t("staff.ownOrganisationsNote")}</p> : null}
      <p className="muted">{t("staff.home.signOutNote")}</p>
    </article>
  );
}
