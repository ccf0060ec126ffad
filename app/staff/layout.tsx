import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getCurrentStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { getI18n } from "@/lib/i18n/server";
import { signOut } from "./_components/sign-out";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const [{ t }, staff] = await Promise.all([getI18n(), getCurrentStaff()]);
  return (
    <>
      {staff ? (
        <nav aria-label={t("staff.nav.label")} className="actions">
          <Link href="/staff">{t("staff.nav.home")}</Link>
          {can(staff, "organisations.read") ? (
            <Link href="/staff/organisations">{t("register.nav.organisations")}</Link>
          ) : null}
          {can(staff, "contacts.read") ? <Link href="/staff/contacts">{t("register.nav.contacts")}</Link> : null}
          {can(staff, "contacts.import") ? <Link href="/staff/import">{t("staffImport.title")}</Link> : null}
          {can(staff, "privacyRequests.read") ? (
            <Link href="/staff/privacy-requests">{t("accountability.requests.heading")}</Link>
          ) : null}
          {can(staff, "audit.read") ? <Link href="/staff/audit">{t("accountability.audit.heading")}</Link> : null}
          {can(staff, "topics.manage") ? <Link href="/staff/topics">{t("segments.topicsNav")}</Link> : null}
          {can(staff, "segments.manage") ? <Link href="/staff/segments">{t("segments.segmentsNav")}</Link> : null}
          {can(staff, "mailings.send") ? <Link href="/staff/mailings">{t("mailings.title")}</Link> : null}
          {can(staff, "staff.manage") ? <Link href="/staff/users">{t("staffAdmin.title")}</Link> : null}
          {can(staff, "apiKeys.manage") ? (
            <Link href="/staff/api-keys">{t("accountability.apiKeys.heading")}</Link>
          ) : null}
          <form action={signOut}>
            <button type="submit" className="button">
              {t("staff.nav.signOut")}
            </button>
          </form>
        </nav>
      ) : null}
      {children}
    </>
  );
}
