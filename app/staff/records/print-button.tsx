"use client";
// Opens the browser's print dialog; the print stylesheet (staff.css, @media print) leaves only the page's content.
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="button button--secondary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
