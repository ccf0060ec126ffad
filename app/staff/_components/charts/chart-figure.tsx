// A chart with its accessible alternative: a figure whose caption names it, a one-sentence summary that is the
// drawing's accessible name (role="img"), a legend in text, and a real table with every number the chart draws,
// folded into a <details> so the page stays short. The drawing itself is a client component loaded later
// (lazy-charts.tsx); the caption, legend and table are server-rendered HTML that works without JavaScript.
import { LazyBarChart, LazyLineChart } from "./lazy-charts";
import { CHART_COLOURS } from "./palette";
import type { ChartSeries } from "./chart-props";
import styles from "./charts.module.css";

export type ChartRow = {
  key: string;
  /** The category as the table shows it (a full date, a topic's name). */
  label: string;
  /** Shorter text for the chart's axis; the label when absent. */
  axisLabel?: string;
  values: Record<string, number>;
};

export function ChartFigure(props: {
  id: string;
  caption: string;
  summary: string;
  tableToggle: string;
  categoryHeading: string;
  series: ChartSeries[];
  rows: ChartRow[];
  kind: "bars" | "stacked" | "horizontalStacked" | "line";
  locale: string;
  /** CSS height of the drawing, e.g. "16rem". */
  height?: string;
  note?: string;
}) {
  const number = new Intl.NumberFormat(props.locale);
  const data = props.rows.map((r) => ({ label: r.axisLabel ?? r.label, ...r.values }));
  const chart = { data, series: props.series, locale: props.locale };
  return (
    <figure className={styles.figure} aria-labelledby={`${props.id}-caption`} data-chart={props.id}>
      <figcaption id={`${props.id}-caption`} className={styles.caption}>
        {props.caption}
      </figcaption>
      <div role="img" aria-label={props.summary} className={styles.drawing} style={{ height: props.height ?? "16rem" }}>
        {props.kind === "line" ? (
          <LazyLineChart {...chart} />
        ) : (
          <LazyBarChart {...chart} stacked={props.kind !== "bars"} horizontal={props.kind === "horizontalStacked"} />
        )}
      </div>
      <ul className={styles.legend}>
        {props.series.map((s) => (
          <li key={s.key}>
            <span aria-hidden="true" className={styles.swatch} style={{ background: CHART_COLOURS[s.colour] }} />
            {s.label}
          </li>
        ))}
      </ul>
      {props.note ? <p className={styles.note}>{props.note}</p> : null}
      <details className={styles.details}>
        <summary>{props.tableToggle}</summary>
        <div className="table-scroll">
          <table data-chart-table={props.id}>
            <caption>{props.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{props.categoryHeading}</th>
                {props.series.map((s) => (
                  <th key={s.key} scope="col" className="num">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  {props.series.map((s) => (
                    <td key={s.key} className="num">
                      {number.format(r.values[s.key] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
