import type { Metadata } from "next";
import { getI18n } from "@/lib/i18n/server";
import { COOKIES } from "@/lib/policy/cookies";
import {
  CATEGORY_NAMES,
  LEGAL_BASIS_NAMES,
  POLICY_TEXT as P,
  PRIVACY_CONTACT,
  SOURCE_NAMES,
  SUPERVISORY_AUTHORITY,
} from "@/lib/policy/privacy-policy-text";
import { getPolicy } from "@/lib/policy/current-policy";
import { PURPOSES } from "@/lib/policy/purposes";
import type { ContactCategory, LegalBasis, SourceType } from "@/lib/generated/prisma/enums";

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

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { lang } = await getI18n(searchParams);
  return { title: P.title[lang] };
}

// Written from lib/policy (purposes, retention, cookies): the page says what the code does.
export default async function PrivacyPage({ searchParams }: Props) {
  const { lang, t } = await getI18n(searchParams);
  const categories = Object.keys(CATEGORY_NAMES) as ContactCategory[];
  const sources = Object.keys(SOURCE_NAMES) as SourceType[];
  const policy = getPolicy();
  // A text of the policy file in the page's language, or in the file's first language when it offers no other.
  const inLang = (text: Partial<Record<string, string>>) => text[lang] ?? text[policy.languages[0]!] ?? "";
  return (
    <article className="prose privacy-policy">
      <h1>{P.title[lang]}</h1>
      <p className="lead">{P.intro[lang]}</p>
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
          <li key={c}>{CATEGORY_NAMES[c][lang]}</li>
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
      {PURPOSES.map((purpose) => (
        <section key={purpose.key} aria-labelledby={`purpose-${purpose.key}`}>
          <h3 id={`purpose-${purpose.key}`}>{t(`enums.purpose.${purpose.key}.name`)}</h3>
          <p>{t(`enums.purpose.${purpose.key}.description`)}</p>
          <dl>
            {(Object.entries(purpose.defaultBasis) as [ContactCategory, LegalBasis][]).map(([category, basis]) => (
              <div key={category}>
                <dt>{CATEGORY_NAMES[category][lang]}</dt>
                <dd>{LEGAL_BASIS_NAMES[basis][lang]}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}

      <h2 id="retention">{P.retentionHeading[lang]}</h2>
      {P.retention[lang].map((text) => (
        <p key={text}>{text}</p>
      ))}

      <h2 id="recipients">{P.recipientsHeading[lang]}</h2>
      <ul>
        {P.recipients[lang].map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>

      <h2 id="rights">{P.rightsHeading[lang]}</h2>
      <ul>
        {P.rights[lang].map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      <p>{P.rightsHow[lang]}</p>
      <p>
        {P.complaint[lang]} <a href={SUPERVISORY_AUTHORITY.url}>{SUPERVISORY_AUTHORITY.url.replace("https://", "")}</a>
      </p>

      <h2 id="erasure">{P.erasureHeading[lang]}</h2>
      <p>{P.erasure[lang]}</p>

      <h2 id="cookies">{P.cookiesHeading[lang]}</h2>
      <p>{P.cookies[lang]}</p>
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
            {COOKIES.map((cookie) => (
              <tr key={cookie.name}>
                <th scope="row">
                  <code>{cookie.name}</code>
                  <br />
                  <span className="muted">{P.cookieKind[cookie.kind][lang]}</span>
                </th>
                <td>{cookie.party[lang]}</td>
                <td>{cookie.purpose[lang]}</td>
                <td>{cookie.lifetime[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="contact">{P.contactHeading[lang]}</h2>
      <p>
        {P.contact[lang]} <a href={`mailto:${PRIVACY_CONTACT}`}>{PRIVACY_CONTACT}</a>.
      </p>

      {/* From the deployment's policy file: its version is the hash of the file, its notes say what changed. */}
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
