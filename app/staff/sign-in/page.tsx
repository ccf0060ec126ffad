import type { Metadata } from "next";
import { staffReturnPath } from "@/lib/auth/public-url";
import { getConfig } from "@/lib/env/config";
import { getI18n } from "@/lib/i18n/server";
import { CsrfForm } from "../_components/csrf-form";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("staff.signIn.title") };
}

export default async function StaffSignInPage({ searchParams }: Props) {
  const query = await searchParams;
  const { t } = await getI18n(searchParams);
  const callbackUrl = staffReturnPath(query.callbackUrl, getConfig().publicUrl);
  const oidc = getConfig().staffAuth.oidc !== null;
  return (
    <article className="prose" aria-labelledby="staff-sign-in-heading">
      <h1 id="staff-sign-in-heading">{t("staff.signIn.heading")}</h1>
      <p className="lead">{t("staff.signIn.lead")}</p>
      {query.csrf === "true" ? <p role="alert">{t("staff.signIn.csrfExpired")}</p> : null}
      <CsrfForm action="/api/auth/signin/email" callbackUrl={callbackUrl}>
        <div className="field">
          <label className="field__label" htmlFor="staff-email">
            {t("staff.signIn.emailLabel")}
          </label>
          <p className="field__hint" id="staff-email-hint">
            {t("staff.signIn.emailHint")}
          </p>
          <input
            className="field__input"
            id="staff-email"
            name="email"
            type="email"
            autoComplete="email"
            required
            aria-describedby="staff-email-hint"
          />
        </div>
        <button type="submit" className="button">
          {t("staff.signIn.button")}
        </button>
      </CsrfForm>
      {oidc ? (
        <>
          <p>{t("staff.signIn.or")}</p>
          <CsrfForm action="/api/auth/signin/oidc" callbackUrl={callbackUrl}>
            <button type="submit" className="button">
              {t("staff.signIn.oidcButton")}
            </button>
          </CsrfForm>
        </>
      ) : null}
    </article>
  );
}
