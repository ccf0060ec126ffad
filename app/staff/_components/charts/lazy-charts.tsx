"use client";
// Recharts is loaded after the page, in its own chunk, and only where a staff page renders a chart: the page's own
// JavaScript stays as it was, and recipient pages never import this folder. No server rendering: the charts measure
// their container, and the table beside each chart already carries the numbers in the HTML.
import dynamic from "next/dynamic";

export const LazyBarChart = dynamic(() => import("./bar-chart").then((m) => m.BarChart), { ssr: false });
export const LazyLineChart = dynamic(() => import("./line-chart").then((m) => m.LineChart), { ssr: false });
