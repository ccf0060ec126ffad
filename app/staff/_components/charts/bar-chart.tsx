"use client";
// Recharts bar chart for ChartFigure (loaded only by staff pages, through lazy-charts.tsx). It draws; the figure's
// table is what assistive technology reads, so the SVG gets no keyboard layer of its own.
import { Bar, BarChart as RBarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLOURS } from "./palette";
import type { ChartProps } from "./chart-props";

const AXIS = { fontSize: 12, fill: "#4b5563" };

export function BarChart(props: ChartProps & { stacked?: boolean; horizontal?: boolean }) {
  const number = new Intl.NumberFormat(props.locale);
  const short = (v: string) => (v.length > 16 ? `${v.slice(0, 15)}…` : v);
  const horizontal = props.horizontal ?? false;
  return (
    <RBarChart
      responsive
      style={{ width: "100%", height: "100%" }}
      data={props.data}
      layout={horizontal ? "vertical" : "horizontal"}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="#d3d9e0" horizontal={!horizontal} vertical={horizontal} />
      {horizontal ? (
        <>
          <XAxis type="number" allowDecimals={false} tick={AXIS} tickFormatter={(v: number) => number.format(v)} />
          <YAxis type="category" dataKey="label" width={110} tick={AXIS} tickFormatter={short} interval={0} />
        </>
      ) : (
        <>
          <XAxis dataKey="label" tick={AXIS} minTickGap={8} />
          <YAxis allowDecimals={false} width={44} tick={AXIS} tickFormatter={(v: number) => number.format(v)} />
        </>
      )}
      <Tooltip formatter={(v) => (typeof v === "number" ? number.format(v) : v)} />
      {props.series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.label}
          stackId={props.stacked ? "stack" : undefined}
          fill={CHART_COLOURS[s.colour]}
          stroke="#ffffff"
          strokeWidth={props.stacked ? 1 : 0}
          isAnimationActive={false}
        />
      ))}
    </RBarChart>
  );
}
