"use client";
// "Send now" and "Schedule" ask first, in a modal dialog that names the segment, how many of it may receive the
// mailing now, and when it goes out. The dialog's confirm button submits the compose form with its intent.
import { useTranslations } from "next-intl";
import { useRef, useState, type RefObject } from "react";
import { countRecipientsAction } from "../actions";
import styles from "../mailings.module.css";

type Mode = "start" | "schedule";

export function ConfirmStart(props: {
  form: RefObject<HTMLFormElement | null>;
  pending: boolean;
  segments: { value: string; label: string }[];
  sendNowLabel: string;
  scheduleLabel: string;
}) {
  const t = useTranslations("mailings.confirm");
  const dialog = useRef<HTMLDialogElement>(null);
  const [mode, setMode] = useState<Mode>("start");
  const [segment, setSegment] = useState("");
  const [when, setWhen] = useState("");
  const [count, setCount] = useState<number | null | "counting">(null);

  async function open(next: Mode) {
    const data = new FormData(props.form.current ?? undefined);
    const segmentId = String(data.get("segmentId") ?? "");
    const topicId = String(data.get("topicId") ?? "");
    setMode(next);
    setSegment(props.segments.find((s) => s.value === segmentId && s.value)?.label ?? "");
    setWhen(String(data.get("sendAt") ?? "").replace("T", " "));
    setCount("counting");
    dialog.current?.showModal();
    setCount(segmentId && topicId ? await countRecipientsAction(segmentId, topicId).catch(() => null) : null);
  }

  const heading = mode === "start" ? t("sendHeading") : t("scheduleHeading");
  // Nobody confirms a send without seeing how many it reaches: the button waits for the count (or its failure).
  const canConfirm = (mode === "start" || when !== "") && count !== "counting";
  return (
    <>
      <div className="actions">
        <button type="button" className="button" disabled={props.pending} onClick={() => void open("start")}>
          {props.sendNowLabel}
        </button>
        <button type="button" className="button" disabled={props.pending} onClick={() => void open("schedule")}>
          {props.scheduleLabel}
        </button>
      </div>
      <dialog ref={dialog} aria-labelledby="confirm-start-heading" className={styles.dialog}>
        <h2 id="confirm-start-heading">{heading}</h2>
        {segment ? <p>{t("segment", { segment })}</p> : null}
        <p data-testid="confirm-count" role="status">
          {count === "counting" ? t("counting") : count === null ? t("eligibleUnknown") : t("eligible", { count })}
        </p>
        {mode === "schedule" ? <p>{when ? t("when", { when }) : t("whenMissing")}</p> : null}
        {/* Back comes first, so the dialog opens with focus on the harmless choice. */}
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => dialog.current?.close()}>
            {t("back")}
          </button>
          {canConfirm ? (
            <button
              type="submit"
              name="intent"
              value={mode}
              className="button button--danger"
              onClick={() => dialog.current?.close()}
            >
              {mode === "start" ? t("confirmSend") : t("confirmSchedule")}
            </button>
          ) : null}
        </div>
      </dialog>
    </>
  );
}
