import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getCurrentStaff } from "@/lib/auth/current-staff";
import { getI18n } from "@/lib/i18n/server";
import { signOut } from "./_components/sign-out";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const [{ t }, staff] = await Promise.all([getI18n(), getCurrentStaff()]);
  return (
    <>
      {staff ? (
        <nav aria-label={t.staff.nav.label} className="actions">
          <Link href="/staff">{t.staff.nav.home}</Link>
          <form action={signOut}>
            <button type="submit" className="button">
              {t.staff.nav.signOut}
            </button>
          </form>
        </nav>
      ) : null}
      {children}
    </>
  );
}
