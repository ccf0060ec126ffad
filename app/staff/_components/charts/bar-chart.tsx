"use client";
// Recharts bar chart for ChartFigure (loaded only by staff pages, through lazy-charts.tsx). It draws; the figure's
// table is what assistive technology reads, so the SVG gets no keyboard layer of its own.
import { Bar, BarChart as RBarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLOURS, CHART_FRAME } from "./palette";
import type { ChartProps } from "./chart-props";

const AXIS = CHART_FRAME.tick;

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
      <CartesianGrid stroke={CHART_FRAME.grid} horizontal={!horizontal} vertical={horizontal} />
      {horizontal ? (
        <>
          <XAxis
            type="number"
            stroke={CHART_FRAME.axis}
            allowDecimals={false}
            tick={AXIS}
            tickFormatter={(v: number) => number.format(v)}
          />
          <YAxis
            type="category"
            stroke={CHART_FRAME.axis}
            dataKey="label"
            width={110}
            tick={AXIS}
            tickFormatter={short}
            interval={0}
          />
        </>
      ) : (
        <>
          <XAxis dataKey="label" stroke={CHART_FRAME.axis} tick={AXIS} minTickGap={8} />
          <YAxis
            stroke={CHART_FRAME.axis}
            allowDecimals={false}
            width={44}
            tick={AXIS}
            tickFormatter={(v: number) => number.format(v)}
          />
        </>
      )}
      <Tooltip
        cursor={{ fill: CHART_FRAME.cursor }}
        contentStyle={CHART_FRAME.tooltip}
        formatter={(v) => (typeof v === "number" ? number.format(v) : v)}
      />
      {props.series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.label}
          stackId={props.stacked ? "stack" : undefined}
          fill={CHART_COLOURS[s.colour]}
          stroke={CHART_FRAME.background}
          strokeWidth={props.stacked ? 1 : 0}
          isAnimationActive={false}
        />
      ))}
    </RBarChart>
  );
}
