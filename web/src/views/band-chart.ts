// One series over time with its interval as a band: a band and a line through each run of
// consecutive measured years only (a missing year breaks both: nothing is interpolated across
// it), a dot per measured year, and a grey mark on the baseline for each year without a value.
// Points may carry a `group` (e.g. which inputs a value is made of): a change of group also
// breaks line and band, with a dashed rule between, so that values made of different inputs are
// never joined as if comparable. Plain SVG so that tests can check it.
import { type ChartPoint as BasePoint, measuredRuns } from "./interval-chart.ts";
import { svgEl as el } from "./svg.ts";

export type ChartPoint = BasePoint & {
  /** Values with different groups are not joined. */
  group?: string;
};

export interface BandChartOptions {
  width?: number;
  height?: number;
  yDomain?: [number, number];
  title?: string;
  colour?: string;
  digits?: number;
}

const defaults = {
  width: 640,
  height: 220,
  yDomain: [0, 1] as [number, number],
  title: "",
  colour: "#21918c",
  digits: 2,
};

const M = { top: 20, right: 16, bottom: 24, left: 40 };

/** Sub-runs of consecutive measured points with the same group. */
export function groupRuns(points: ChartPoint[]): ChartPoint[][] {
  const out: ChartPoint[][] = [];
  for (const run of measuredRuns(points) as ChartPoint[][]) {
    let cur: ChartPoint[] = [];
    for (const p of run) {
      if (cur.length && cur[cur.length - 1].group !== p.group) {
        out.push(cur);
        cur = [];
      }
      cur.push(p);
    }
    if (cur.length) out.push(cur);
  }
  return out;
}

/** Sub-runs of a measured run in which every point has an interval (one band each). */
export function bandRuns(run: ChartPoint[]): ChartPoint[][] {
  const out: ChartPoint[][] = [];
  let cur: ChartPoint[] = [];
  for (const p of run) {
    if (p.interval) cur.push(p);
    else {
      if (cur.length) out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

export function bandChart(points: ChartPoint[], options: BandChartOptions = {}): SVGSVGElement {
  const o = { ...defaults, ...options };
  const xs = points.map((p) => p.x).sort((a, b) => a - b);
  const x0 = xs[0] ?? 0;
  const x1 = xs[xs.length - 1] ?? 1;
  const [y0, y1] = o.yDomain;
  const iw = o.width - M.left - M.right;
  const ih = o.height - M.top - M.bottom;
  const r2 = (v: number) => Math.round(v * 100) / 100;
  const sx = (x: number) => r2(M.left + (x1 === x0 ? iw / 2 : ((x - x0) / (x1 - x0)) * iw));
  const sy = (y: number) =>
    r2(M.top + ih - ((Math.max(y0, Math.min(y1, y)) - y0) / (y1 - y0 || 1)) * ih);
  const f = (v: number) => v.toFixed(o.digits);
  const measured = points.filter((p) => p.status === "data" && p.value !== null);
  const svg = el("svg", {
    viewBox: `0 0 ${o.width} ${o.height}`,
    class: "band-chart",
    role: "img",
    "aria-label": `${o.title}: ${measured.length} of ${points.length} years measured; the band is the interval; grey marks on the baseline are years without a value, and no line crosses them`,
  });
  if (o.title) svg.append(el("text", { x: M.left, y: 13, class: "chart-title" }, o.title));
  for (const v of [y0, (y0 + y1) / 2, y1])
    svg.append(
      el("line", { x1: M.left, x2: o.width - M.right, y1: sy(v), y2: sy(v), class: "grid" }),
      el(
        "text",
        { x: M.left - 4, y: r2(sy(v) + 3), "text-anchor": "end", class: "tick" },
        String(Math.round(v * 100) / 100),
      ),
    );
  for (const x of xs.filter((x, i) => i === 0 || i === xs.length - 1 || x % 5 === 0))
    svg.append(
      el("text", { x: sx(x), y: o.height - 7, "text-anchor": "middle", class: "tick" }, String(x)),
    );
  const g = el("g", { class: "series" });
  const runs = groupRuns(points);
  // A dashed rule where the group changes between two consecutive measured years.
  for (let i = 1; i < runs.length; i++) {
    const a = runs[i - 1][runs[i - 1].length - 1];
    const b = runs[i][0];
    if (b.x !== a.x + 1) continue;
    const x = r2((sx(a.x) + sx(b.x)) / 2);
    const rule = el("line", {
      x1: x,
      x2: x,
      y1: M.top,
      y2: M.top + ih,
      stroke: "#888",
      "stroke-dasharray": "3 3",
      class: "group-change",
      "data-x": b.x,
    });
    rule.append(
      el("title", {}, `${b.x}: the inputs change (${a.group ?? "?"} → ${b.group ?? "?"})`),
    );
    svg.append(rule);
  }
  for (const run of runs) {
    for (const b of bandRuns(run)) {
      if (b.length === 1) {
        const p = b[0];
        g.append(
          el("line", {
            x1: sx(p.x),
            x2: sx(p.x),
            y1: sy(p.interval![0]),
            y2: sy(p.interval![1]),
            stroke: o.colour,
            "stroke-width": 3,
            opacity: 0.35,
            class: "band",
            "data-from": p.x,
            "data-to": p.x,
          }),
        );
        continue;
      }
      const top = b.map((p) => `${sx(p.x)},${sy(p.interval![1])}`);
      const bottom = [...b].reverse().map((p) => `${sx(p.x)},${sy(p.interval![0])}`);
      g.append(
        el("polygon", {
          points: [...top, ...bottom].join(" "),
          fill: o.colour,
          opacity: 0.2,
          class: "band",
          "data-from": b[0].x,
          "data-to": b[b.length - 1].x,
        }),
      );
    }
    if (run.length > 1)
      g.append(
        el("polyline", {
          points: run.map((p) => `${sx(p.x)},${sy(p.value!)}`).join(" "),
          fill: "none",
          stroke: o.colour,
          "stroke-width": 1.8,
          class: "line",
          "data-from": run[0].x,
          "data-to": run[run.length - 1].x,
        }),
      );
  }
  for (const p of points) {
    if (p.status === "data" && p.value !== null) {
      const dot = el("circle", {
        cx: sx(p.x),
        cy: sy(p.value),
        r: 2.8,
        fill: o.colour,
        class: "pt",
        "data-x": p.x,
        "data-value": p.value,
      });
      dot.append(
        el(
          "title",
          {},
          `${p.x}: ${f(p.value)}${p.interval ? ` [${f(p.interval[0])}, ${f(p.interval[1])}]` : " (no interval reported)"}`,
        ),
      );
      g.append(dot);
    } else {
      const gap = el("rect", {
        x: sx(p.x) - 2,
        y: M.top + ih + 1,
        width: 4,
        height: 6,
        fill: "#9e9e9e",
        class: "gap",
        "data-x": p.x,
        "data-status": p.status,
      });
      gap.append(el("title", {}, `${p.x}: ${p.status}, no value (not drawn)`));
      g.append(gap);
    }
  }
  svg.append(g);
  return svg;
}
