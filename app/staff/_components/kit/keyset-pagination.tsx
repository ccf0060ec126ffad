import Link from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import { PendingHint } from "./pending-hint";

/** Previous/next links of a keyset-paginated list, keeping its filters and sort; a page number would need OFFSET. */
export async function KeysetPagination(props: {
  base: string;
  query: Record<string, string>;
  previous: string | null;
  next: string | null;
}) {
  if (!props.previous && !props.next) return null;
  const t = await getTranslations("register.common");
  const loading = (await getTranslations("staff.kit.dataTable"))("loading");
  const href = (key: "after" | "before", cursor: string) => {
    const q = new URLSearchParams(
      Object.entries(props.query).filter(([k, v]) => v !== "" && k !== "after" && k !== "before"),
    );
    q.set(key, cursor);
    return `${props.base}?${q.toString()}`;
  };
  return (
    <nav aria-label={t("pagination")} className="actions pagination">
      {props.previous ? (
        <Link href={href("before", props.previous)} rel="prev">
          {t("previous")}
          <PendingHint label={loading} />
        </Link>
      ) : null}
      {props.next ? (
        <Link href={href("after", props.next)} rel="next">
          {t("next")}
          <PendingHint label={loading} />
        </Link>
      ) : null}
    </nav>
  );
}
