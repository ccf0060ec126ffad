// Colours chosen for WCAG AA contrast (4.5:1 for normal text); ratios measured against the backgrounds they sit on.
export const colors = {
  text: "#1f2937", // 14.7:1 on white
  muted: "#374151", // 10.3:1 on white, 9.4:1 on footerBackground
  link: "#1d4ed8", // 6.7:1 on white, 6.1:1 on footerBackground
  buttonText: "#ffffff", // 6.7:1 on the link colour (button)
  pageBackground: "#f3f4f6",
  cardBackground: "#ffffff",
  footerBackground: "#f3f4f6",
  border: "#d1d5db",
} as const;

export const fontFamily = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

export type Language = "sv" | "en";
