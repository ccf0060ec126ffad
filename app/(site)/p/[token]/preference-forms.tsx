"use client";
// The buttons of the preference page. Every change is a POST from a button the person presses; the answer appears in
// the status region of the section they used (announced by screen readers), and the page re-renders with the saved
// state. Buttons are never disabled while saving, so keyboard focus stays where it was; where the pressed button goes
// away (a pause started or ended), focus moves to the button that took its place.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { savePreference } from "./actions";
import type { PreferenceSection, PreferenceState } from "./input";
import { LeavingSurvey } from "./leaving-survey";
import styles from "./preferences.module.css";

export type TopicItem = {
  id: string;
  name: string;
  description: string;
  subscribed: boolean;
  stateText: string;
  buttonLabel: string;
  note?: string;
};

/** The pause of marketing mail: the lengths offered, and the sentence naming the end of a pause still on. */
export type PauseItem = { months: readonly number[]; pausedUntil: string | null };

type Props = { token: string; topics: TopicItem[]; optedOut: boolean; pause: PauseItem };

function Status({ state, section }: { state: PreferenceState; section: PreferenceSection }) {
  const mine = state?.section === section ? state : null;
  return (
    <p
      role="status"
      className={
        mine ? `${styles.status} ${mine.kind === "error" ? styles.statusError : styles.statusSaved}` : styles.status
      }
    >
      {mine ? <span key={mine.seq}>{mine.message}</span> : null}
    </p>
  );
}

export function PreferenceForms({ token, topics, optedOut, pause }: Props) {
  const t = useTranslations("linkPages.prefs");
  const [state, action] = useActionState(savePreference, null);
  const pauseSection = useRef<HTMLElement>(null);
  const pausedNow = pause.pausedUntil !== null;
  const pauseSeen = useRef(pausedNow);
  useEffect(() => {
    // Started or ended a pause: the button pressed is gone, its replacement takes the focus.
    if (pauseSeen.current === pausedNow) return;
    pauseSeen.current = pausedNow;
    pauseSection.current?.querySelector<HTMLButtonElement>("button")?.focus();
  }, [pausedNow]);
  const hidden = (
    <>
      <input type="hidden" name="token" value={token} />
    </>
  );
  return (
    <>
      <section aria-labelledby="topics-heading">
        <h2 id="topics-heading">{t("topicsHeading")}</h2>
        <p>{t("topicsIntro")}</p>
        {optedOut ? <p className={styles.notice}>{t("optedOutNote")}</p> : null}
        <Status state={state} section="topics" />
        <LeavingSurvey token={token} offered={state?.survey} />
        <ul className={styles.topics}>
          {topics.map((topic) => (
            <li key={topic.id} className={styles.topic}>
              <h3 id={`topic-${topic.id}`}>{topic.name}</h3>
              <p>{topic.description}</p>
              {topic.note ? <p className="muted">{topic.note}</p> : null}
              <p id={`topic-${topic.id}-state`} className={styles.state}>
                <span aria-hidden="true" className={topic.subscribed ? styles.on : styles.off} />
                {topic.stateText}
              </p>
              <form action={action}>
                {hidden}
                <input type="hidden" name="intent" value="topic" />
                <input type="hidden" name="topicId" value={topic.id} />
                <input type="hidden" name="state" value={topic.subscribed ? "UNSUBSCRIBED" : "SUBSCRIBED"} />
                <button
                  type="submit"
                  className={topic.subscribed ? `button ${styles.secondary}` : "button"}
                  aria-describedby={`topic-${topic.id}-state`}
                  data-topic={topic.id}
                >
                  {topic.buttonLabel}
                </button>
              </form>
            </li>
          ))}
        </ul>
      </section>

      {optedOut ? null : (
        <section aria-labelledby="pause-heading" ref={pauseSection} data-testid="pause">
          <h2 id="pause-heading">{t("pauseHeading")}</h2>
          {pause.pausedUntil ? (
            <>
              <p className={styles.notice} data-testid="paused-until">
                {pause.pausedUntil}
              </p>
              <p>{t("pausedIntro")}</p>
              <form action={action}>
                {hidden}
                <input type="hidden" name="intent" value="pause_end" />
                <button type="submit" className="button" data-intent="pause-end">
                  {t("endPause")}
                </button>
              </form>
            </>
          ) : (
            <>
              <p>{t("pauseIntro")}</p>
              <form action={action}>
                {hidden}
                <input type="hidden" name="intent" value="pause" />
                <div className="actions">
                  {pause.months.map((months) => (
                    <button
                      key={months}
                      type="submit"
                      name="months"
                      value={months}
                      className={`button ${styles.secondary}`}
                      data-pause={months}
                    >
                      {t("pauseFor", { months })}
                    </button>
                  ))}
                </div>
              </form>
            </>
          )}
          <Status state={state} section="pause" />
        </section>
      )}

      <section aria-labelledby="all-heading">
        <h2 id="all-heading">{t("allHeading")}</h2>
        <p>{t("allIntro")}</p>
        <form action={action}>
          {hidden}
          <input type="hidden" name="intent" value={optedOut ? "all_on" : "all_off"} />
          <button type="submit" className={optedOut ? "button" : `button ${styles.secondary}`} data-intent="all">
            {optedOut ? t("resubscribeAll") : t("unsubscribeAll")}
          </button>
        </form>
        <Status state={state} section="all" />
      </section>

      <section aria-labelledby="more-heading">
        <h2 id="more-heading">{t("moreHeading")}</h2>
        <p>{t("moreIntro")}</p>
        <form action={action}>
          {hidden}
          <input type="hidden" name="intent" value="step_up" />
          <button type="submit" className={`button ${styles.secondary}`} data-intent="step-up">
            {t("moreButton")}
          </button>
        </form>
        <Status state={state} section="more" />
      </section>
    </>
  );
}
