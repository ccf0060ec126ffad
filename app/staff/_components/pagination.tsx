import Link from "@/app/_components/link";
import { getTranslations } from "next-intl/server";

/** Previous/next links that keep the current filters. */
export async function Pagination(props: { base: string; query: Record<string, string>; page: number; pages: number }) {
  if (props.pages <= 1) return null;
  const t = await getTranslations("register.common");
  const href = (page: number) => {
    const q = new URLSearchParams(Object.entries(props.query).filter(([, v]) => v !== ""));
    q.set("page", String(page));
    return `${props.base}?${q.toString()}`;
  };
  return (
    <nav aria-label={t("pagination")} className="actions">
      {props.page > 1 ? <Link href={href(props.page - 1)}>{t("previous")}</Link> : null}
      {props.page < props.pages ? <Link href={href(props.page + 1)}>{t("next")}</Link> : null}
    </nav>
  );
}
