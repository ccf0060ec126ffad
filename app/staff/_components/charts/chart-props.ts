import type { ChartColour } from "./palette";

export type ChartSeries = { key: string; label: string; colour: ChartColour };

/** What a chart component receives: one object per category (its axis label and a number per series key). */
export type ChartProps = {
  data: ({ label: string } & Record<string, number | string>)[];
  series: ChartSeries[];
  /** BCP 47 locale for numbers on axes and in tooltips (sv-SE, en-GB). */
  locale: string;
};
