"use client";
// Offers a CSV file's text, kept in the form's state, as a download: the browser makes the file from memory when the
// button is pressed, so the server never keeps or serves the rows.
import { useTranslations } from "next-intl";

export function DownloadCsv(props: { csv: string; testId: string }) {
  const t = useTranslations("staffImport");
  const download = () => {
    const url = URL.createObjectURL(new Blob([props.csv], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = t("downloadFileName");
    document.body.append(a);
    a.click();
    a.remove();
    // The click has started the download; the object URL is no longer needed after this task.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <div className="field">
      <button
        type="button"
        className="button"
        onClick={download}
        data-testid={props.testId}
        aria-describedby={`${props.testId}-hint`}
      >
        {t("download")}
      </button>
      <p id={`${props.testId}-hint`} className="field__hint">
        {t("downloadHint")}
      </p>
    </div>
  );
}
