// Checkbox and radio groups of the topic and segment forms: a fieldset whose legend names the group, one label per
// choice, the hint and the error tied to the group (aria-describedby), so screen readers hear them with each choice.
import styles from "../segments.module.css";

type Option = { value: string; label: string };

type GroupProps = {
  name: string;
  legend: string;
  options: Option[];
  selected: readonly string[];
  hint?: string;
  error?: string;
};

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

function Group(props: GroupProps & { type: "checkbox" | "radio" }) {
  const id = `g-${props.name}`;
  return (
    <fieldset className={styles.group} id={id} aria-describedby={describedBy(id, props.hint, props.error)}>
      <legend>{props.legend}</legend>
      {props.hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {props.hint}
        </p>
      ) : null}
      <ul className={styles.choices}>
        {props.options.map((o) => {
          const optionId = `${id}-${o.value}`;
          return (
            <li key={o.value}>
              <input
                id={optionId}
                type={props.type}
                name={props.name}
                value={o.value}
                defaultChecked={props.selected.includes(o.value)}
              />
              <label htmlFor={optionId}>{o.label}</label>
            </li>
          );
        })}
      </ul>
      {props.error ? (
        <p id={`${id}-error`} className="field__error">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function CheckboxGroup(props: GroupProps) {
  return <Group {...props} type="checkbox" />;
}

export function RadioGroup(props: GroupProps) {
  return <Group {...props} type="radio" />;
}

/** One checkbox with its label (a yes/no setting). */
export function Checkbox(props: { name: string; label: string; checked: boolean }) {
  const id = `f-${props.name}`;
  return (
    <div className="field">
      <input id={id} type="checkbox" name={props.name} value="on" defaultChecked={props.checked} />{" "}
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}
