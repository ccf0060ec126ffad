import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { getPolicy } from "@/lib/policy/current-policy";
import "./globals.css";

// The frame of a page (header, main landmark, footer) is its section's layout: app/(site)/layout.tsx for the public
// and recipient pages, app/staff/layout.tsx for the staff workspace. This one holds what every page shares.
const CLIENT_MESSAGES = ["error", "publicPages.cookies", "layout.languageNav"];

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: { default: t("layout.siteTitle"), template: `%s · ${getPolicy().brand.displayName}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { lang, t } = await getI18n();
  return (
    <html lang={lang}>
      <body>
        {/* Only what the frames' own client parts use: the error page, the cookie banner and the language switcher. */}
        <ClientMessages lang={lang} paths={CLIENT_MESSAGES}>
          <a className="skip-link" href="#main">
            {t("layout.skipLink")}
          </a>
          {children}
        </ClientMessages>
      </body>
    </html>
  );
}
