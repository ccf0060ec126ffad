"use client";
// The live preview: each offered language rendered by the mailing renderer on the server from what the form holds now, on
// demand and shortly after typing stops. Each mail is shown in a sandboxed frame (no scripts, no same origin), so
// nothing in a body can act on the staff page.
import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useRef, useState, type RefObject } from "react";
import type { Language } from "@/lib/i18n/languages";
import { previewMailingAction, type PreviewResult } from "../actions";
import styles from "../mailings.module.css";

const DEBOUNCE_MS = 800;

export function MailingPreview(props: {
  form: RefObject<HTMLFormElement | null>;
  /** Changes on every input in the form. */
  inputTick: number;
  /** The deployment's languages: one preview each. */
  languages: readonly Language[];
}) {
  const t = useTranslations("mailings.preview");
  const formT = useTranslations("mailings.form");
  const [result, setResult] = useState<PreviewResult | null>(null);
  const [status, setStatus] = useState("");
  const latest = useRef(0);

  async function update(announce: boolean) {
    const form = props.form.current;
    if (!form) return;
    const request = ++latest.current;
    if (announce) setStatus(t("updating"));
    let r: PreviewResult;
    try {
      r = await previewMailingAction(new FormData(form));
    } catch {
      r = { ok: false };
    }
    // An older answer arriving after a newer request is dropped.
    if (request !== latest.current) return;
    if (r.ok) setResult(r);
    setStatus(r.ok ? (announce ? t("updated") : "") : t("failed"));
  }

  const onInput = useEffectEvent(() => void update(false));
  useEffect(() => {
    const timer = setTimeout(onInput, props.inputTick === 0 ? 0 : DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [props.inputTick]);

  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t("heading")}</h2>
      <button type="button" className="button" onClick={() => void update(true)}>
        {t("update")}
      </button>
      <p role="status" data-testid="preview-status">
        {status}
      </p>
      <div className={styles.frames}>
        {props.languages.map((l) => {
          const mail = result?.ok ? result[l] : null;
          const subject = mail?.subject || t("noSubject");
          return (
            <section key={l} aria-labelledby={`preview-${l}-heading`} data-testid={`preview-${l}`}>
              <h3 id={`preview-${l}-heading`}>{formT(`language.${l}`)}</h3>
              <p data-testid={`preview-${l}-subject`}>{t("subject", { subject })}</p>
              {mail ? (
                <iframe
                  sandbox=""
                  srcDoc={mail.html}
                  title={t("frameTitle", { language: t(`languageName.${l}`), subject })}
                  className={styles.frame}
                />
              ) : null}
            </section>
          );
        })}
      </div>
    </section>
  );
}
