// The policy file as a readable page for the privacy officer: controller and supervisory authority, categories with
// their retention rules, purposes with the legal basis per category and the balancing tests, recipients with country
// and transfer basis, cookies and consent, languages and brand. Presentation only, from getPolicy(). A text the file
// has only in another language (an English-only policy on a Swedish page) is shown in that language, marked as such.
import { getTranslations } from "next-intl/server";
import type { ContactCategory, LegalBasis, Purpose } from "@/lib/generated/prisma/enums";
import type { Language } from "@/lib/i18n/languages";
import { EEA } from "@/lib/policy/file/policy-file-schema";
import type { Policy } from "@/lib/policy/file/load-policy-file";
import { textIn } from "@/lib/policy/text-in";

type Text = Partial<Record<Language, string>> | undefined;

export async function PolicyOverview({ policy, lang }: { policy: Policy; lang: Language }) {
  const t = await getTranslations({ locale: lang });
  const inText = (text: Text) => {
    const found = textIn(text, lang);
    return <span lang={found.lang === lang ? undefined : found.lang}>{found.text}</span>;
  };
  const c = policy.controller;
  const categories = Object.entries(policy.categories) as [
    ContactCategory,
    NonNullable<Policy["categories"][ContactCategory]>,
  ][];
  const purposes = Object.entries(policy.purposes) as [Purpose, NonNullable<Policy["purposes"][Purpose]>][];
  const categoryName = (key: ContactCategory) => inText(policy.categories[key]?.name);

  return (
    <>
      <section aria-labelledby="policy-controller">
        <h2 id="policy-controller">{t("accountability.policy.controllerHeading")}</h2>
        <dl data-testid="policy-controller-details">
          <dt>{t("accountability.policy.controller.name")}</dt>
          <dd>{c.name}</dd>
          <dt>{t("accountability.policy.controller.orgNumber")}</dt>
          <dd>{c.orgNumber}</dd>
          <dt>{t("accountability.policy.controller.address")}</dt>
          <dd>{c.address}</dd>
          <dt>{t("accountability.policy.controller.privacyContact")}</dt>
          <dd>
            <a href={`mailto:${c.privacyContact}`}>{c.privacyContact}</a>
          </dd>
          <dt>{t("accountability.policy.controller.dataProtectionLead")}</dt>
          <dd>{inText(c.dataProtectionLead)}</dd>
          <dt>{t("accountability.policy.controller.support")}</dt>
          <dd>
            <a href={`mailto:${c.support}`}>{c.support}</a>
          </dd>
          <dt>{t("accountability.policy.authority")}</dt>
          <dd>
            <a href={policy.supervisoryAuthority.url}>{inText(policy.supervisoryAuthority.name)}</a>
          </dd>
        </dl>
      </section>

      <section aria-labelledby="policy-categories">
        <h2 id="policy-categories">{t("accountability.policy.categoriesHeading")}</h2>
        <div className="table-scroll">
          <table data-testid="policy-categories-table">
            <caption>{t("accountability.policy.categoriesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("accountability.policy.categoryColumns.category")}</th>
                <th scope="col">{t("accountability.policy.categoryColumns.clock")}</th>
                <th scope="col" className="num">
                  {t("accountability.policy.categoryColumns.years")}
                </th>
                <th scope="col">{t("accountability.policy.categoryColumns.activity")}</th>
              </tr>
            </thead>
            <tbody>
              {categories.map(([key, cat]) => (
                <tr key={key}>
                  <th scope="row">{inText(cat.name)}</th>
                  <td>{t(`accountability.policy.clocks.${cat.retention.clock}`)}</td>
                  <td className="num">{t("accountability.policy.years", { years: cat.retention.years })}</td>
                  <td>
                    {cat.retention.activity ? inText(cat.retention.activity) : t("accountability.policy.notGiven")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="policy-purposes">
        <h2 id="policy-purposes">{t("accountability.policy.purposesHeading")}</h2>
        {purposes.map(([key, purpose]) => {
          const name = textIn(purpose.name, lang).text;
          const bases = Object.entries(purpose.bases) as [ContactCategory, LegalBasis][];
          return (
            <section key={key} aria-labelledby={`purpose-${key}`} data-testid={`policy-purpose-${key}`}>
              <h3 id={`purpose-${key}`}>{inText(purpose.name)}</h3>
              <p>{inText(purpose.description)}</p>
              <div className="table-scroll">
                <table>
                  <caption>{t("accountability.policy.basesCaption", { purpose: name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("accountability.policy.basisColumns.category")}</th>
                      <th scope="col">{t("accountability.policy.basisColumns.basis")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {bases.map(([category, basis]) => (
                      <tr key={category}>
                        <th scope="row">{categoryName(category)}</th>
                        <td>{t(`enums.legalBasis.${basis}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {purpose.balancing ? (
                <>
                  <h4>{t("accountability.policy.balancing")}</h4>
                  <p>{inText(purpose.balancing)}</p>
                </>
              ) : null}
            </section>
          );
        })}
      </section>

      <section aria-labelledby="policy-recipients">
        <h2 id="policy-recipients">{t("accountability.policy.recipientsHeading")}</h2>
        <div className="table-scroll">
          <table data-testid="policy-recipients-table">
            <caption>{t("accountability.policy.recipientsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("accountability.policy.recipientColumns.name")}</th>
                <th scope="col">{t("accountability.policy.recipientColumns.role")}</th>
                <th scope="col">{t("accountability.policy.recipientColumns.what")}</th>
                <th scope="col">{t("accountability.policy.recipientColumns.country")}</th>
                <th scope="col">{t("accountability.policy.recipientColumns.transfer")}</th>
              </tr>
            </thead>
            <tbody>
              {policy.recipients.map((r) => (
                <tr key={r.name}>
                  <th scope="row">{r.name}</th>
                  <td>{t(`accountability.policy.recipientRoles.${r.role}`)}</td>
                  <td>{inText(r.what)}</td>
                  <td>{r.country}</td>
                  <td>
                    {r.transferBasis
                      ? inText(r.transferBasis)
                      : EEA.has(r.country)
                        ? t("accountability.policy.inEea")
                        : t("accountability.policy.notGiven")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="policy-cookies">
        <h2 id="policy-cookies">{t("accountability.policy.cookiesHeading")}</h2>
        <div className="table-scroll">
          <table data-testid="policy-cookies-table">
            <caption>{t("accountability.policy.cookiesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("accountability.policy.cookieColumns.name")}</th>
                <th scope="col">{t("accountability.policy.cookieColumns.kind")}</th>
                <th scope="col">{t("accountability.policy.cookieColumns.party")}</th>
                <th scope="col">{t("accountability.policy.cookieColumns.purpose")}</th>
                <th scope="col">{t("accountability.policy.cookieColumns.lifetime")}</th>
              </tr>
            </thead>
            <tbody>
              {policy.cookies.map((cookie) => (
                <tr key={cookie.name}>
                  <th scope="row" className="mono">
                    {cookie.name}
                  </th>
                  <td>{t(`accountability.policy.cookieKinds.${cookie.kind}`)}</td>
                  <td>{inText(cookie.party)}</td>
                  <td>{inText(cookie.purpose)}</td>
                  <td>{inText(cookie.lifetime)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl>
          <dt>{t("accountability.policy.analytics")}</dt>
          <dd>{policy.analytics?.product ?? t("accountability.policy.noAnalytics")}</dd>
          <dt>{t("accountability.policy.consentLifetime")}</dt>
          <dd>{t("accountability.policy.days", { days: policy.consent.lifetimeDays })}</dd>
        </dl>
      </section>

      <section aria-labelledby="policy-brand">
        <h2 id="policy-brand">{t("accountability.policy.brandHeading")}</h2>
        <dl data-testid="policy-brand-details">
          <dt>{t("accountability.policy.languages")}</dt>
          <dd>{policy.languages.map((l) => t(`register.languages.${l}`)).join(", ")}</dd>
          <dt>{t("accountability.policy.displayName")}</dt>
          <dd>{policy.brand.displayName}</dd>
          <dt>{t("accountability.policy.logo")}</dt>
          <dd className={policy.brand.logo ? "mono" : undefined}>
            {policy.brand.logo ?? t("accountability.policy.notGiven")}
          </dd>
          <dt>{t("accountability.policy.colours")}</dt>
          <dd>
            <ul>
              {(["light", "dark"] as const).map((scheme) => (
                <li key={scheme}>
                  {t("accountability.policy.colourLine", {
                    scheme: t(`accountability.policy.schemes.${scheme}`),
                    accent: policy.brand.colours[scheme].accent,
                    onAccent: policy.brand.colours[scheme].onAccent,
                  })}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t("accountability.policy.sender")}</dt>
          <dd>
            {policy.brand.sender.name} &lt;{policy.brand.sender.address}&gt;
          </dd>
        </dl>
      </section>
    </>
  );
}
