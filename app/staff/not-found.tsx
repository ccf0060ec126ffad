import Link from "@/app/_components/link";
import { getI18n } from "@/lib/i18n/server";

// A staff page asked for something that does not exist (or that the caller may not know exists): inside the staff frame.
export default async function StaffNotFound() {
  const { t } = await getI18n();
  return (
    <article className="prose">
      <h1>{t("notFound.heading")}</h1>
      <p>{t("notFound.text")}</p>
      <p>
        <Link href="/staff">{t("staff.forbidden.home")}</Link>
      </p>
    </article>
  );
}
