import type { ReactNode } from "react";
import { Body, Container, Head, Html, Section } from "react-email";
import { Preheader } from "./preheader";
import { colors, fontFamily, type Language } from "./theme";

export type EmailLayoutProps = {
  language: Language;
  /** Document title and the inbox preview line. */
  title: string;
  preview: string;
  children: ReactNode;
  /** Rendered below the card, e.g. the marketing footer. */
  footer?: ReactNode;
};

/** The frame every mail shares: language, title, preview line and a centred, readable column. */
export function EmailLayout({ language, title, preview, children, footer }: EmailLayoutProps) {
  return (
    <Html lang={language} dir="ltr">
      <Head>
        <title>{title}</title>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      {/* Not react-email's <Preview>: a shorter padding (see preheader.tsx); our own <title> names the mail. */}
      <Preheader text={preview} />
      <Body
        lang={language}
        dir="ltr"
        style={{ backgroundColor: colors.pageBackground, color: colors.text, fontFamily, margin: 0, padding: "24px 0" }}
      >
        <Container style={{ maxWidth: "560px", margin: "0 auto" }}>
          <Section
            style={{
              backgroundColor: colors.cardBackground,
              border: `1px solid ${colors.border}`,
              borderRadius: "8px",
              padding: "32px",
            }}
          >
            {children}
          </Section>
          {footer}
        </Container>
      </Body>
    </Html>
  );
}
