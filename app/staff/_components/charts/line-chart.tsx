"use client";
// Recharts line chart for ChartFigure (a timeline); see bar-chart.tsx. Lines also differ by dash and dot, so they
// can be told apart without colour.
import { CartesianGrid, Line, LineChart as RLineChart, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLOURS, CHART_FRAME } from "./palette";
import type { ChartProps } from "./chart-props";

const AXIS = CHART_FRAME.tick;
const DASHES = [undefined, "6 3", "2 3", "8 3 2 3", "1 4"];

export function LineChart(props: ChartProps) {
  const number = new Intl.NumberFormat(props.locale);
  return (
    <RLineChart
      responsive
      style={{ width: "100%", height: "100%" }}
      data={props.data}
      margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke={CHART_FRAME.grid} vertical={false} />
      <XAxis dataKey="label" stroke={CHART_FRAME.axis} tick={AXIS} minTickGap={16} />
      <YAxis
        stroke={CHART_FRAME.axis}
        allowDecimals={false}
        width={44}
        tick={AXIS}
        tickFormatter={(v: number) => number.format(v)}
      />
      <Tooltip
        cursor={{ stroke: CHART_FRAME.cursor }}
        contentStyle={CHART_FRAME.tooltip}
        formatter={(v) => (typeof v === "number" ? number.format(v) : v)}
      />
      {props.series.map((s, i) => (
        <Line
          key={s.key}
          type="linear"
          dataKey={s.key}
          name={s.label}
          stroke={CHART_COLOURS[s.colour]}
          fill={CHART_FRAME.background}
          activeDot={{ stroke: CHART_FRAME.background }}
          strokeWidth={2}
          strokeDasharray={DASHES[i % DASHES.length]}
          dot={props.data.length <= 36}
          isAnimationActive={false}
        />
      ))}
    </RLineChart>
  );
}
