import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { COMPANY_NAME, PRODUCT_NAME } from "@/lib/brand";
import { LanguageProvider } from "@/lib/i18n/language-context";
import { LanguageSwitcher } from "@/lib/i18n/language-switcher";
import { getI18n } from "@/lib/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: { default: t.layout.siteTitle, template: `%s · ${COMPANY_NAME}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { lang, t } = await getI18n();
  return (
    <html lang={lang}>
      <body>
        <a className="skip-link" href="#main">
          {t.layout.skipLink}
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link href="/" className="brand">
              <span className="brand__name">{PRODUCT_NAME}</span>{" "}
              <span className="brand__tagline">{t.layout.tagline}</span>
            </Link>
            <LanguageSwitcher current={lang} label={t.layout.languageNav} />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="container site-main">
          <LanguageProvider lang={lang}>{children}</LanguageProvider>
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>{t.layout.footer}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
