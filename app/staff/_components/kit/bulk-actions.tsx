// The bar above a DataTable with row selection: the form the row checkboxes post with (by its id), the live count of
// ticked rows, and the actions. `action` is where the form goes: a server action (changes) or a URL (a download by
// GET). Hidden fields carry what the action needs besides the ids (the list's filters, to come back to them).
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { SelectionCount } from "./row-selection";

export async function BulkActions(props: {
  form: string;
  action: string | ((form: FormData) => Promise<void>);
  method?: "get" | "post";
  hidden?: Record<string, string>;
  children: ReactNode;
}) {
  const t = await getTranslations("staff.kit.dataTable");
  return (
    <form
      id={props.form}
      action={props.action}
      method={typeof props.action === "string" ? (props.method ?? "get") : undefined}
      className="bulk-actions"
      aria-label={t("bulk")}
    >
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SelectionCount form={props.form} />
      <div className="bulk-actions__buttons">{props.children}</div>
    </form>
  );
}
