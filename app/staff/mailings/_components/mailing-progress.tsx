"use client";
// The live progress of a mailing: counts from /staff/mailings/<id>/progress, fetched every two seconds while the
// mailing is scheduled or sending, a <progress> bar, a politely announced one-line summary, and the pause / resume /
// cancel buttons that fit its state (cancel asks first).
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import type { DeliveryCounts } from "@/lib/mailings/get-mailing-progress";
import { controlMailingAction, type ControlVerb } from "../control-actions";
import styles from "../mailings.module.css";

export type ProgressSnapshot = {
  status: "DRAFT" | "SCHEDULED" | "SENDING" | "PAUSED" | "CANCELLED" | "SENT";
  counts: DeliveryCounts;
  /** The provider keeps failing the batches (lib/mailings/get-mailing-progress.ts MailingStall, dates as JSON). */
  stall: { code: string; status: number | null; minutes: number } | null;
};

const STALL_KEYS = new Set(["unavailable", "rate_limited", "paced", "unauthorized", "quota_exceeded"]);

/** The message key of a stall: a 5xx and no answer at all read differently; unknown codes get the general line. */
function stallKey(stall: NonNullable<ProgressSnapshot["stall"]>) {
  if (stall.code === "unavailable" && stall.status === null) return "noAnswer" as const;
  return STALL_KEYS.has(stall.code)
    ? (stall.code as "unavailable" | "rate_limited" | "paced" | "unauthorized" | "quota_exceeded")
    : ("other" as const);
}

type ExclusionKey = Parameters<ReturnType<typeof useTranslations<"enums.exclusionReason.recipient">>>[0];

const POLL_MS = 2000;
const LIVE = new Set(["SCHEDULED", "SENDING"]);
const ROWS = [
  "total",
  "queued",
  "held",
  "sent",
  "delivered",
  "failed",
  "suppressed",
  "bounced",
  "complained",
  "cancelled",
  "unsubscribed",
] as const satisfies readonly (keyof DeliveryCounts)[];

export function MailingProgress(props: { mailingId: string; initial: ProgressSnapshot }) {
  const t = useTranslations("mailings.progress");
  const statusT = useTranslations("enums.mailingStatus");
  const reasonT = useTranslations("enums.exclusionReason.recipient");
  const [snapshot, setSnapshot] = useState(props.initial);
  const [notice, setNotice] = useState<{ ok: boolean; message: string } | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const cancelDialog = useRef<HTMLDialogElement>(null);
  const url = `/staff/mailings/${encodeURIComponent(props.mailingId)}/progress`;

  const refresh = useCallback(async () => {
    try {
      const res = await fetch(url, { cache: "no-store", credentials: "same-origin" });
      if (!res.ok) throw new Error(String(res.status));
      const next = (await res.json()) as ProgressSnapshot;
      setSnapshot({ status: next.status, counts: next.counts, stall: next.stall });
      setStale(false);
    } catch {
      setStale(true);
    }
  }, [url]);

  const live = LIVE.has(snapshot.status);
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [live, refresh]);

  async function control(verb: ControlVerb) {
    setBusy(true);
    try {
      setNotice(await controlMailingAction(props.mailingId, verb));
    } catch {
      setNotice({ ok: false, message: t("stale") });
    }
    await refresh();
    setBusy(false);
  }

  const c = snapshot.counts;
  const done = c.total - c.queued;
  const status = statusT(snapshot.status);
  const summary =
    c.total === 0 ? t("summaryEmpty", { status }) : t("summary", { status, done, total: c.total, sent: c.sent });
  const reasons = Object.entries(c.suppressedBy);
  const canPause = snapshot.status === "SENDING" || snapshot.status === "SCHEDULED";
  const canResume = snapshot.status === "PAUSED";
  const canCancel = canPause || canResume;

  return (
    <section aria-labelledby="progress-heading" data-testid="mailing-progress" data-status={snapshot.status}>
      <h2 id="progress-heading">{t("heading")}</h2>
      <p aria-live="polite" data-testid="progress-summary">
        {summary}
      </p>
      {stale ? <p role="status">{t("stale")}</p> : null}
      {snapshot.stall ? (
        <p role="status" className="callout callout--warning" data-testid="mailing-stall">
          {t(`stall.${stallKey(snapshot.stall)}`, {
            status: snapshot.stall.status ?? "",
            minutes: snapshot.stall.minutes,
            code: snapshot.stall.code,
          })}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="mailing-progress-bar" className="field__label">
          {t("label")}
        </label>
        <progress id="mailing-progress-bar" className={styles.progress} max={Math.max(c.total, 1)} value={done}>
          {c.total === 0 ? "0 %" : `${Math.round((100 * done) / c.total)} %`}
        </progress>
      </div>
      <dl className={styles.counts} data-testid="progress-counts">
        {ROWS.map((key) => (
          <div key={key} data-count={key}>
            <dt>{t(key)}</dt>
            <dd>{c[key]}</dd>
          </div>
        ))}
      </dl>
      {reasons.length > 0 ? (
        <>
          <h3>{t("suppressedBy")}</h3>
          <dl className={styles.counts}>
            {reasons.map(([reason, n]) => (
              <div key={reason}>
                <dt>{reasonT.has(reason as ExclusionKey) ? reasonT(reason as ExclusionKey) : reason}</dt>
                <dd>{n}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}

      <div className="actions">
        {canPause ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void control("pause")}
          >
            {t("pause")}
          </button>
        ) : null}
        {canResume ? (
          <button type="button" className="button" disabled={busy} onClick={() => void control("resume")}>
            {t("resume")}
          </button>
        ) : null}
        {canCancel ? (
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => cancelDialog.current?.showModal()}
          >
            {t("cancel")}
          </button>
        ) : null}
      </div>
      <div role={notice && !notice.ok ? "alert" : "status"} data-testid="control-notice">
        {notice ? <p>{notice.message}</p> : null}
      </div>

      <dialog ref={cancelDialog} aria-labelledby="cancel-heading" className={styles.dialog}>
        <h2 id="cancel-heading">{t("cancelHeading")}</h2>
        <p>{t("cancelText")}</p>
        {/* Back comes first, so the dialog opens with focus on the harmless choice. */}
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => cancelDialog.current?.close()}>
            {t("back")}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              cancelDialog.current?.close();
              void control("cancel");
            }}
          >
            {t("cancelConfirm")}
          </button>
        </div>
      </dialog>
    </section>
  );
}
