// The count, the breakdown of who is left out and why, and the sample table. Rendered on the server for the first
// view (and without JavaScript) and in the browser after each live count, from the same JSON.
import { useFormatter, useTranslations } from "next-intl";
import type { SegmentPreview } from "@/lib/segments/preview-segment";
import styles from "../segments.module.css";

const REASONS = ["SUPPRESSED", "OPTED_OUT", "PAUSED", "UNSUBSCRIBED_TOPIC", "NOT_SUBSCRIBED", "NO_BASIS"] as const;
const SUPPRESSION = ["ERASED", "HARD_BOUNCE", "COMPLAINT", "UNSUBSCRIBED_ALL", "MANUAL"] as const;

export function PreviewPanel(props: {
  preview: SegmentPreview | null;
  phase: "idle" | "counting" | "failed";
  topicName: (id: string) => string;
}) {
  const { preview } = props;
  const t = useTranslations("segments.segments");
  const format = useFormatter();
  const n = (x: number) => format.number(x);
  const reasonT = useTranslations("enums.exclusionReason.group");
  const suppressedT = useTranslations("enums.suppressionReason.label");
  const languageT = useTranslations("register.languages");
  const invalid = useTranslations("segments")("invalid");
  const count = preview?.ok ? preview.count : null;
  return (
    <section aria-labelledby="segment-count-heading" data-testid="segment-count">
      <h2 id="segment-count-heading">{t("countHeading")}</h2>
      <div className={styles.result} role="status" aria-live="polite" aria-busy={props.phase === "counting"}>
        {props.phase === "counting" ? <p>{t("counting")}</p> : null}
        {props.phase === "failed" ? <p>{t("countFailed")}</p> : null}
        {preview && !preview.ok ? (
          <>
            <p>{invalid}</p>
            <ul>
              {Object.values(preview.fieldErrors).map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </>
        ) : null}
        {count ? (
          <>
            <p data-testid="segment-total">{t("total", { n: count.total })}</p>
            {count.topic ? (
              <>
                <p data-testid="segment-eligible">
                  <strong>{t("eligible", { n: count.eligible, topic: props.topicName(count.topic.id) })}</strong>
                </p>
                <h3>{t("leftOutHeading")}</h3>
                <ul data-testid="segment-breakdown">
                  {REASONS.map((r) => (
                    <li key={r} data-reason={r}>
                      {reasonT(r)}: {n(count.excluded[r])}
                      {r === "SUPPRESSED" && count.excluded.SUPPRESSED > 0
                        ? ` (${SUPPRESSION.filter((s) => count.suppressedBy[s] > 0)
                            .map((s) => `${suppressedT(s)} ${n(count.suppressedBy[s])}`)
                            .join(", ")})`
                        : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : null}
      </div>
      {preview?.ok ? (
        <>
          <h3>{t("sampleHeading")}</h3>
          {preview.sample.length === 0 ? (
            <p>{t("sampleEmpty")}</p>
          ) : (
            <div className="table-scroll">
              <table data-testid="segment-sample">
                <caption>{t("sampleCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("sampleColumns.name")}</th>
                    <th scope="col">{t("sampleColumns.organisation")}</th>
                    <th scope="col">{t("sampleColumns.language")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((r, i) => (
                    <tr key={i}>
                      <td>{r.name}</td>
                      <td>{r.organisation ?? "–"}</td>
                      <td>{r.language === "sv" || r.language === "en" ? languageT(r.language) : r.language}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
