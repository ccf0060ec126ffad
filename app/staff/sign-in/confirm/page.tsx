// The page a staff sign-in link opens. Opening it changes nothing (link scanners open every link in a mail, some in a
// browser running scripts); the button POSTs to next-auth's email callback, which alone spends the link.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { STAFF_PAGES } from "@/lib/auth/auth-options";
import { checkSignInLink } from "@/lib/auth/check-sign-in-link";
import { staffReturnPath } from "@/lib/auth/public-url";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { getI18n } from "@/lib/i18n/server";
import { CsrfForm } from "../../_components/csrf-form";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  // The URL carries the sign-in token: no Referer to anywhere, not even our own assets.
  return { title: t("staff.confirm.title"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

export default async function ConfirmSignInPage({ searchParams }: Props) {
  const query = await searchParams;
  const { t } = await getI18n(searchParams);
  const config = getConfig();
  const link = await checkSignInLink({
    db: await getDb(),
    email: query.email,
    token: query.token,
    secret: config.authSecret,
  });
  if (!link.ok) redirect(`${STAFF_PAGES.error}?error=Verification`);

  const callbackUrl = staffReturnPath(query.callbackUrl, config.publicUrl);
  const action = `/api/auth/callback/email?${new URLSearchParams({
    callbackUrl,
    token: String(query.token),
    email: link.email,
  })}`;
  return (
    <article className="prose" aria-labelledby="confirm-sign-in-heading">
      <h1 id="confirm-sign-in-heading">{t("staff.confirm.heading")}</h1>
      {query.csrf === "true" ? <p role="alert">{t("staff.signIn.csrfExpired")}</p> : null}
      <p className="lead">{t("staff.confirm.text", { email: link.email })}</p>
      <CsrfForm action={action} callbackUrl={callbackUrl}>
        <button type="submit" className="button">
          {t("staff.confirm.button")}
        </button>
      </CsrfForm>
      <p>{t("staff.confirm.note")}</p>
    </article>
  );
}
