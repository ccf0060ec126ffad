// The batches of a mailing whose outcome is unknown (HELD), with the people each concerns, and per batch the two
// choices: send again or skip (held-actions.ts). Plain forms, so they work without JavaScript.
import { getTranslations } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";
import type { HeldBatch } from "@/lib/mailings/list-held-deliveries";
import { formatStockholm } from "@/lib/mailings/stockholm-time";
import { decideHeldBatchAction } from "../held-actions";

export async function HeldBatches(props: {
  mailingId: string;
  batches: HeldBatch[];
  totalBatches: number;
  lang: Language;
}) {
  if (props.batches.length === 0) return null;
  const t = await getTranslations({ locale: props.lang });
  return (
    <section aria-labelledby="held-heading" data-testid="held-batches">
      <h2 id="held-heading">{t("mailings.progress.heldHeading")}</h2>
      <p>{t("mailings.progress.heldIntro")}</p>
      {props.batches.map((b) => (
        <div key={b.batch} data-batch={b.batch}>
          <h3 id={`held-${b.batch}`}>
            {t("mailings.progress.heldBatch", {
              batch: b.batch,
              count: b.recipients.length,
              at: formatStockholm(b.firstTriedAt),
            })}
          </h3>
          <ul aria-labelledby={`held-${b.batch}`}>
            {b.recipients.map((r, i) => (
              <li key={r.contactId ?? `erased-${i}`}>
                {r.contactId ? `${r.name ?? ""} <${r.email ?? ""}>` : t("mailings.progress.heldErased")}
              </li>
            ))}
          </ul>
          <form action={decideHeldBatchAction} className="actions">
            <input type="hidden" name="mailingId" value={props.mailingId} />
            <input type="hidden" name="batch" value={b.batch} />
            <button type="submit" name="decision" value="send_again" className="button">
              {t("mailings.progress.sendAgain", { batch: b.batch })}
            </button>
            <button type="submit" name="decision" value="skip" className="button button--secondary">
              {t("mailings.progress.skip", { batch: b.batch })}
            </button>
          </form>
        </div>
      ))}
      {props.totalBatches > props.batches.length ? (
        <p>{t("mailings.progress.heldMore", { count: props.totalBatches - props.batches.length })}</p>
      ) : null}
    </section>
  );
}
