import type { Metadata } from "next";
import Link from "@/app/_components/link";
import type { ReactNode } from "react";
import { getCurrentStaff } from "@/lib/auth/current-staff";
import { LanguageSwitcher } from "@/lib/i18n/language-switcher";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { getI18n } from "@/lib/i18n/server";
import { PRODUCT_NAME } from "@/lib/product";
import { navGroups } from "./_components/shell/nav-groups";
import { StaffNav } from "./_components/shell/staff-nav";
import { signOut } from "./_components/sign-out";
import "./staff.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false } };

// The staff workspace's frame: a top bar (product, language, who is signed in), a side navigation with the sections
// the caller's role may open, and the page at the full width of the window. Signed out (sign-in pages) only the bar.
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const [{ t }, staff] = await Promise.all([getI18n(), getCurrentStaff()]);
  return (
    <div className="staff-app">
      <header className="staff-bar">
        <Link href="/staff" className="staff-bar__brand">
          <span className="staff-bar__product">{PRODUCT_NAME}</span>{" "}
          <span className="staff-bar__workspace">{t("staff.nav.workspace")}</span>
        </Link>
        <div className="staff-bar__end">
          <LanguageSwitcher languages={offeredLanguages()} />
          {staff ? (
            <>
              <span className="staff-bar__user" data-testid="staff-bar-user">
                {t("staff.nav.signedInAs", { name: staff.name ?? staff.email })}
                <span className="staff-bar__role"> · {t(`enums.staffRole.label.${staff.role}`)}</span>
              </span>
              <form action={signOut}>
                <button type="submit" className="button button--secondary button--small">
                  {t("staff.nav.signOut")}
                </button>
              </form>
            </>
          ) : null}
        </div>
      </header>
      <div className={staff ? "staff-body" : "staff-body staff-body--signed-out"}>
        {staff ? <StaffNav label={t("staff.nav.label")} groups={navGroups(staff, t)} /> : null}
        <main id="main" tabIndex={-1} className="staff-main">
          {children}
        </main>
      </div>
    </div>
  );
}
