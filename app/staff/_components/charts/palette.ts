// Series colours for the staff charts: CSS variables from app/globals.css, so the SVG follows the light or dark
// scheme (Recharts passes them on as fill="var(…)" and stroke="var(…)"). In both schemes each has at least 4.5:1
// contrast on the page and on a tooltip (WCAG AA for text, so it also serves in tooltips, and well above the 3:1 a
// graphic needs), and neighbours differ in hue; stacked segments are also separated by an edge in the page's colour,
// and every chart has a legend and a table, so no value is told by colour alone. On the page, light / dark: blue
// 7.8 / 8.0, orange 5.8 / 8.6, red 6.6 / 6.9, green 6.6 / 11.1, purple 7.8 / 8.6, grey 7.6 / 8.2; on a dark tooltip
// 5.5 or more (tests/unit/colour-contrast.test.ts measures each).
export const CHART_COLOURS = {
  blue: "var(--color-chart-blue)",
  orange: "var(--color-chart-orange)",
  red: "var(--color-chart-red)",
  green: "var(--color-chart-green)",
  purple: "var(--color-chart-purple)",
  grey: "var(--color-chart-grey)",
} as const;

export type ChartColour = keyof typeof CHART_COLOURS;

/** Grid, axis, hover band and tooltip of every chart: the same tokens, so a chart never keeps a light-mode colour. */
export const CHART_FRAME = {
  grid: "var(--color-chart-grid)",
  axis: "var(--color-chart-axis)",
  tick: { fontSize: 12, fill: "var(--color-chart-tick)" },
  /** Dots of a line and the edge between stacked segments: the colour of the panel the chart sits on. */
  background: "var(--color-bg)",
  cursor: "var(--color-chart-cursor)",
  tooltip: {
    backgroundColor: "var(--color-raised)",
    border: "1px solid var(--color-chart-tooltip-border)",
    color: "var(--color-text)",
  },
} as const;
