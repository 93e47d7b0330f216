// A small time-series chart in plain SVG: a line per series through measured points only (a gap
// breaks the line), a whisker with caps for each point's interval, and a grey mark on the
// baseline for each year that is not measured. Plain SVG so it can be checked in tests.
import type { ShownStatus } from "../measured.ts";
import type { Interval } from "../types.ts";
import { svgEl as el } from "./svg.ts";

export interface ChartPoint {
  x: number;
  status: ShownStatus;
  /** Only for status "data". */
  value: number | null;
  interval: Interval | null;
}

export interface ChartSeries {
  name: string;
  colour: string;
  points: ChartPoint[];
}

export interface IntervalChartOptions {
  width?: number;
  height?: number;
  yDomain?: [number, number];
  title?: string;
  yLabel?: string;
  /** Digits of values in the hover titles. */
  digits?: number;
}

const defaults = {
  width: 320,
  height: 170,
  yDomain: [0, 100] as [number, number],
  title: "",
  yLabel: "",
  digits: 1,
};

const M = { top: 18, right: 16, bottom: 22, left: 30 };

/** Runs of consecutive x (step 1) that are all measured: each run is one stretch of line. */
export function measuredRuns(points: ChartPoint[]): ChartPoint[][] {
  const pts = [...points].sort((a, b) => a.x - b.x);
  const runs: ChartPoint[][] = [];
  let cur: ChartPoint[] = [];
  for (const p of pts) {
    const ok = p.status === "data" && p.value !== null;
    if (ok && cur.length && p.x === cur[cur.length - 1].x + 1) cur.push(p);
    else {
      if (cur.length) runs.push(cur);
      cur = ok ? [p] : [];
    }
  }
  if (cur.length) runs.push(cur);
  return runs;
}

export function intervalChart(
  series: ChartSeries[],
  options: IntervalChartOptions = {},
): SVGElement {
  const o = { ...defaults, ...options };
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const [y0, y1] = o.yDomain;
  const x0 = xs[0] ?? 0;
  const x1 = xs[xs.length - 1] ?? 1;
  const iw = o.width - M.left - M.right;
  const ih = o.height - M.top - M.bottom;
  const sx = (x: number) => M.left + (x1 === x0 ? iw / 2 : ((x - x0) / (x1 - x0)) * iw);
  const sy = (y: number) =>
    M.top + ih - ((Math.max(y0, Math.min(y1, y)) - y0) / (y1 - y0 || 1)) * ih;
  const r2 = (v: number) => Math.round(v * 100) / 100;
  const fmt = (v: number) => v.toFixed(o.digits);
  const measured = series.reduce(
    (a, s) => a + s.points.filter((p) => p.status === "data" && p.value !== null).length,
    0,
  );
  const svg = el("svg", {
    viewBox: `0 0 ${o.width} ${o.height}`,
    class: "interval-chart",
    role: "img",
    "aria-label": `${o.title}: ${measured} measured points${series.length > 1 ? ` in ${series.length} series` : ""}; whiskers are intervals; grey marks on the baseline are years without a measurement`,
  });
  if (o.title) svg.append(el("text", { x: M.left, y: 12, class: "chart-title" }, o.title));
  // Axes: y at both ends and the middle, x at the first and last year (and every 5th).
  for (const v of [y0, (y0 + y1) / 2, y1]) {
    svg.append(
      el("line", {
        x1: M.left,
        x2: o.width - M.right,
        y1: r2(sy(v)),
        y2: r2(sy(v)),
        class: "grid",
      }),
      el(
        "text",
        { x: M.left - 4, y: r2(sy(v) + 3), "text-anchor": "end", class: "tick" },
        String(v),
      ),
    );
  }
  for (const x of xs.filter((x, i) => i === 0 || i === xs.length - 1 || x % 5 === 0))
    svg.append(
      el(
        "text",
        { x: r2(sx(x)), y: o.height - 6, "text-anchor": "middle", class: "tick" },
        String(x),
      ),
    );
  for (const [k, s] of series.entries()) {
    const g = el("g", { class: "series", "data-series": s.name });
    for (const run of measuredRuns(s.points))
      if (run.length > 1)
        g.append(
          el("polyline", {
            points: run.map((p) => `${r2(sx(p.x))},${r2(sy(p.value!))}`).join(" "),
            fill: "none",
            stroke: s.colour,
            "stroke-width": 1.5,
            class: "line",
          }),
        );
    for (const p of s.points) {
      const x = r2(sx(p.x) + (k - (series.length - 1) / 2) * 2.5);
      if (p.status === "data" && p.value !== null) {
        if (p.interval) {
          const [lo, hi] = p.interval;
          const w = el("g", { class: "whisker", "data-x": p.x, "data-lo": lo, "data-hi": hi });
          w.append(
            el("line", { x1: x, x2: x, y1: r2(sy(lo)), y2: r2(sy(hi)), stroke: s.colour }),
            el("line", { x1: x - 2, x2: x + 2, y1: r2(sy(lo)), y2: r2(sy(lo)), stroke: s.colour }),
            el("line", { x1: x - 2, x2: x + 2, y1: r2(sy(hi)), y2: r2(sy(hi)), stroke: s.colour }),
          );
          g.append(w);
        }
        const dot = el("circle", {
          cx: x,
          cy: r2(sy(p.value)),
          r: 2.5,
          fill: s.colour,
          class: "pt",
          "data-x": p.x,
          "data-value": p.value,
        });
        dot.append(
          el(
            "title",
            {},
            `${s.name} ${p.x}: ${fmt(p.value)}${p.interval ? ` (interval ${fmt(p.interval[0])} to ${fmt(p.interval[1])})` : " (no interval reported)"}`,
          ),
        );
        g.append(dot);
      } else {
        const gap = el("rect", {
          x: x - 1.5,
          y: M.top + ih + 1,
          width: 3,
          height: 5,
          fill: "#9e9e9e",
          class: "gap",
          "data-x": p.x,
          "data-status": p.status,
        });
        gap.append(el("title", {}, `${s.name} ${p.x}: ${p.status} (not drawn)`));
        g.append(gap);
      }
    }
    svg.append(g);
  }
  return svg;
}
