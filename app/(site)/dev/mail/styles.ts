// Minimal inline styles for the dev mailbox pages; colours meet WCAG AA contrast on white.
import type { CSSProperties } from "react";

const border = "1px solid #d1d5db";

export const styles = {
  page: { color: "#1f2937", background: "#ffffff", padding: "1rem 0" },
  nav: { marginBottom: "0.75rem" },
  h1: { fontSize: "1.5rem", margin: "0 0 0.5rem" },
  h2: { fontSize: "1.125rem", margin: "1.5rem 0 0.5rem" },
  muted: { color: "#374151" },
  link: { color: "#1d4ed8", textDecoration: "underline" },
  form: { display: "flex", flexWrap: "wrap", gap: "0.5rem", alignItems: "center", margin: "1rem 0" },
  input: { padding: "0.375rem 0.5rem", border: "1px solid #6b7280", borderRadius: "4px", minWidth: "16rem" },
  button: {
    padding: "0.375rem 0.75rem",
    border: "1px solid #1d4ed8",
    borderRadius: "4px",
    background: "#1d4ed8",
    color: "#ffffff",
  },
  table: { borderCollapse: "collapse", width: "100%" },
  caption: { textAlign: "left", padding: "0.5rem 0", color: "#374151" },
  th: { textAlign: "left", borderBottom: border, padding: "0.5rem" },
  rowHeader: { textAlign: "left", borderBottom: border, padding: "0.5rem", verticalAlign: "top", fontWeight: 600 },
  td: { borderBottom: border, padding: "0.5rem", verticalAlign: "top", overflowWrap: "anywhere" },
  dl: { display: "grid", gridTemplateColumns: "max-content 1fr", gap: "0.25rem 1rem", margin: 0 },
  dt: { fontWeight: 600 },
  dd: { margin: 0, overflowWrap: "anywhere" },
  frame: { width: "100%", height: "40rem", border, borderRadius: "4px", background: "#ffffff" },
  pre: {
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    border,
    borderRadius: "4px",
    padding: "1rem",
    background: "#f9fafb",
    margin: 0,
  },
} satisfies Record<string, CSSProperties>;
