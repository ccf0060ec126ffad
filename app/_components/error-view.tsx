"use client";
// Shown when a page fails. Never shows the error itself: in production a server error reaches the client only as a
// generic message and a digest, and the digest is what support needs to find the server log entry (lib/log logs it
// with the error's summary). Nothing is logged here: React already reports the error to the browser's console.
import Link from "@/app/_components/link";
import { useTranslations } from "next-intl";

export function ErrorView({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("error");
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  return (
    <article className="prose">
      <h1>{t("heading")}</h1>
      <p>{t("text")}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => retry()}>
          {t("retry")}
        </button>
        <Link href="/">{t("back")}</Link>
      </div>
      {digest ? (
        <p className="muted">
          {t("reference")} <code>{digest}</code>
        </p>
      ) : null}
    </article>
  );
}
