// A small bar chart that is its own accessible alternative: a real table (caption, headers, numbers) whose value
// cells also draw a bar in proportion to the largest value. Screen readers read the table; the bar is decoration.
import styles from "./bar-table.module.css";

export function BarTable(props: {
  caption: string;
  labelHeading: string;
  valueHeading: string;
  rows: { key: string; label: string; value: number }[];
  format: (n: number) => string;
}) {
  const max = Math.max(1, ...props.rows.map((r) => r.value));
  return (
    <div className="table-scroll">
      <table className={styles.table}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.labelHeading}</th>
            <th scope="col">{props.valueHeading}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>
                <span className={styles.cell}>
                  <span className={styles.value}>{props.format(r.value)}</span>
                  <span
                    aria-hidden="true"
                    className={styles.bar}
                    style={{ inlineSize: `${Math.round((r.value / max) * 100)}%` }}
                  />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
