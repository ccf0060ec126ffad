// The privacy policy as a person reads it, written from a policy file (categories, purposes and bases, retention
// rules, recipients, cookies, controller) and Tillit's own prose (lib/policy/privacy-policy-text.ts). The public
// /privacy page renders the deployment's file; the privacy officer's preview renders a draft file with the same view,
// so what they approve is what people will see.
import type { ContactCategory, SourceType } from "@/lib/generated/prisma/enums";
import type { Translator } from "@/lib/i18n/translator";
import { cookieList } from "@/lib/policy/cookies";
import type { Policy } from "@/lib/policy/file/load-policy-file";
import { categoryName, inPolicyLanguage, policyCategories, policyPurposes } from "@/lib/policy/policy-labels";
import {
  complaintText,
  contactText,
  cookiesText,
  introText,
  LEGAL_BASIS_NAMES,
  POLICY_TEXT as P,
  recipientText,
  retentionRuleText,
  SOURCE_NAMES,
  type PolicyLanguage,
} from "@/lib/policy/privacy-policy-text";

const TOC = [
  ["data", "whoHeading"],
  ["sources", "sourcesHeading"],
  ["purposes", "purposesHeading"],
  ["retention", "retentionHeading"],
  ["recipients", "recipientsHeading"],
  ["rights", "rightsHeading"],
  ["erasure", "erasureHeading"],
  ["cookies", "cookiesHeading"],
  ["contact", "contactHeading"],
] as const satisfies readonly (readonly [string, keyof typeof P])[];

type Props = { policy: Policy; lang: PolicyLanguage; t: Translator };

export function PrivacyPolicyView({ policy, lang, t }: Props) {
  const inLang = (text: Partial<Record<PolicyLanguage, string>>) => inPolicyLanguage(policy, text, lang);
  const categories = policyCategories(policy);
  const sources = Object.keys(SOURCE_NAMES) as SourceType[];
  const cookies = cookieList(policy);
  const { controller } = policy;
  return (
    <article className="prose privacy-policy">
      <h1>{P.title[lang]}</h1>
      <p className="lead">{introText(policy, lang)}</p>
      {/* A long page: its sections one tap away, in the order they come. */}
      <nav aria-labelledby="privacy-toc" className="privacy-toc">
        <h2 id="privacy-toc">{t("publicPages.privacy.tocLabel")}</h2>
        <ol>
          {TOC.map(([id, heading]) => (
            <li key={id}>
              <a href={`#${id}`}>{P[heading][lang]}</a>
            </li>
          ))}
          <li>
            <a href="#versions">{t("publicPages.privacy.versionHeading")}</a>
          </li>
        </ol>
      </nav>

      <h2 id="data">{P.whoHeading[lang]}</h2>
      <p>{P.whoText[lang]}</p>
      <ul>
        {categories.map((c) => (
          <li key={c}>{categoryName(policy, c, lang)}</li>
        ))}
      </ul>
      <p>{P.dataText[lang]}</p>

      <h2 id="sources">{P.sourcesHeading[lang]}</h2>
      <ul>
        {sources.map((s) => (
          <li key={s}>{SOURCE_NAMES[s][lang]}</li>
        ))}
      </ul>

      <h2 id="purposes">{P.purposesHeading[lang]}</h2>
      <p>{P.purposesText[lang]}</p>
      {policyPurposes(policy).map((key) => {
        const purpose = policy.purposes[key]!;
        return (
          <section key={key} aria-labelledby={`purpose-${key}`}>
            <h3 id={`purpose-${key}`}>{inLang(purpose.name)}</h3>
            <p>{inLang(purpose.description)}</p>
            <dl>
              {categories
                .filter((c) => purpose.bases[c])
                .map((c: ContactCategory) => (
                  <div key={c}>
                    <dt>{categoryName(policy, c, lang)}</dt>
                    <dd>{LEGAL_BASIS_NAMES[purpose.bases[c]!][lang]}</dd>
                  </div>
                ))}
            </dl>
            {purpose.balancing ? (
              <p>
                <strong>{P.balancingLabel[lang]}:</strong> {inLang(purpose.balancing)}
              </p>
            ) : null}
          </section>
        );
      })}

      <h2 id="retention">{P.retentionHeading[lang]}</h2>
      <p>{P.retentionText[lang]}</p>
      <dl className="retention-rules">
        {categories.map((c) => (
          <div key={c}>
            <dt>{categoryName(policy, c, lang)}</dt>
            <dd>{retentionRuleText(policy, policy.categories[c]!.retention, lang)}</dd>
          </div>
        ))}
      </dl>
      <p>{P.retentionAfter[lang]}</p>

      <h2 id="recipients">{P.recipientsHeading[lang]}</h2>
      <ul>
        {policy.recipients.map((r) => {
          const text = recipientText(policy, r, lang);
          return (
            <li key={r.name}>
              <strong>{text.heading}:</strong> {text.what}
              {text.transfer ? (
                <>
                  {" "}
                  {P.transferLabel[lang]}: {text.transfer}.
                </>
              ) : null}
            </li>
          );
        })}
        <li>{P.recipientsNone[lang]}</li>
      </ul>

      <h2 id="rights">{P.rightsHeading[lang]}</h2>
      <ul>
        {P.rights[lang].map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      <p>{P.rightsHow[lang]}</p>
      <p>
        {complaintText(policy, lang)}{" "}
        <a href={policy.supervisoryAuthority.url}>{policy.supervisoryAuthority.url.replace(/^https?:\/\//, "")}</a>
      </p>

      <h2 id="erasure">{P.erasureHeading[lang]}</h2>
      <p>{P.erasure[lang]}</p>

      <h2 id="cookies">{P.cookiesHeading[lang]}</h2>
      <p>{cookiesText(policy, lang)}</p>
      <div className="table-scroll" role="region" aria-labelledby="cookies" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{P.cookieName[lang]}</th>
              <th scope="col">{P.cookieParty[lang]}</th>
              <th scope="col">{P.cookiePurpose[lang]}</th>
              <th scope="col">{P.cookieLifetime[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {cookies.map((cookie) => (
              <tr key={cookie.name}>
                <th scope="row">
                  <code>{cookie.name}</code>
                  <br />
                  <span className="muted">{P.cookieKind[cookie.kind][lang]}</span>
                </th>
                <td>{inLang(cookie.party)}</td>
                <td>{inLang(cookie.purpose)}</td>
                <td>{inLang(cookie.lifetime)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="contact">{P.contactHeading[lang]}</h2>
      <p>
        {contactText(policy, lang)} <a href={`mailto:${controller.privacyContact}`}>{controller.privacyContact}</a>.
      </p>
      <dl>
        <div>
          <dt>{P.controllerLabel[lang]}</dt>
          <dd>
            {controller.name}
            {controller.orgNumber ? `, ${P.orgNumberLabel[lang].toLowerCase()} ${controller.orgNumber}` : null}
            {controller.address ? (
              <>
                <br />
                {controller.address}
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{P.supportLabel[lang]}</dt>
          <dd>
            <a href={`mailto:${controller.support}`}>{controller.support}</a>
          </dd>
        </div>
      </dl>

      {/* Its version is the hash of the file, its notes say what changed. */}
      <h2 id="versions">{t("publicPages.privacy.versionHeading")}</h2>
      <p data-testid="policy-version">
        {t("publicPages.privacy.versionCurrent", { date: policy.version.effective, note: inLang(policy.version.note) })}
      </p>
      <p className="muted">{t("publicPages.privacy.versionId", { hash: policy.hash.slice(0, 12) })}</p>
      {policy.history.length > 0 ? (
        <>
          <h3>{t("publicPages.privacy.versionHistory")}</h3>
          <ul>
            {policy.history.map((h) => (
              <li key={h.effective}>
                {h.effective}: {inLang(h.note)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
