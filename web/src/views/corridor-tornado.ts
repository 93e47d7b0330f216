// A tornado chart in plain SVG: which assumptions move a leverage figure most. One bar per
// assumption (group), drawn from the central value to the figure at the assumption's low end and
// to the figure at its high end (the others central), largest swing first. An end where the figure
// is undefined (no transit value) is said in words, never drawn as 0.
import { shareText } from "../../../src/corridor/share-text.ts";
import type { TornadoBarJson } from "../types.ts";
import { svgEl as el } from "./svg.ts";

export interface TornadoOptions {
  width?: number;
  /** Height of one bar. */
  bar?: number;
  /** Left margin of the axis (labels sit above their bars, full width). */
  left?: number;
  digits?: number;
  title?: string;
  /** Largest value of the axis (default: the largest end or central value, rounded up to 0.1). */
  max?: number;
}

export const TORNADO_DEFAULTS = {
  width: 560,
  bar: 16,
  left: 8,
  digits: 3,
  title: "",
  max: undefined as number | undefined,
};

/** Margins: title line on top, axis below. */
export const TORNADO_MARGIN = { top: 22, right: 16, bottom: 38, gap: 6, labelHeight: 14 };
export const TORNADO_COLOURS = { low: "#4575b4", high: "#d73027" };

const num = (x: number, d: number) => Number(x.toFixed(d)).toString();

/**
 * The axis maximum: the largest value shown rounded up to 1, 2 or 5 × 10^k (0.176 → 0.2,
 * 0.0041 → 0.005), so small shares get a readable axis; 0.1 when nothing is above 0.
 */
export function tornadoMax(bars: readonly TornadoBarJson[], central: number): number {
  const ends = bars.flatMap((b) => [b.shareAtLow, b.shareAtHigh]).filter((x) => x !== null);
  const m = Math.max(central, ...(ends as number[]));
  if (!(m > 0)) return 0.1;
  const e = 10 ** Math.floor(Math.log10(m));
  for (const f of [1, 2, 5, 10]) if (m <= f * e * (1 + 1e-9)) return Number((f * e).toPrecision(1));
  return 10 * e;
}

export function tornadoChart(
  bars: readonly TornadoBarJson[],
  central: number,
  options: TornadoOptions = {},
): SVGSVGElement {
  const o = { ...TORNADO_DEFAULTS, ...options };
  const M = TORNADO_MARGIN;
  const max = o.max ?? tornadoMax(bars, central);
  const x0 = o.left;
  const x1 = o.width - M.right;
  const sx = (v: number) => x0 + ((x1 - x0) * Math.max(0, Math.min(max, v))) / max;
  const row = M.labelHeight + o.bar + M.gap;
  const height = M.top + bars.length * row + M.bottom;
  const svg = el("svg", {
    viewBox: `0 0 ${o.width} ${height}`,
    width: o.width,
    height,
    role: "img",
    class: "tornado",
    "aria-label":
      o.title ||
      `Tornado: the figure at each assumption's low and high end; central ${shareText(central)}`,
  });
  if (o.title) svg.append(el("text", { x: 0, y: 14, class: "chart-title" }, o.title));
  bars.forEach((b, i) => {
    // The label on its own line, the bar below it.
    const y = M.top + i * row + M.labelHeight;
    const g = el("g", {
      class: "tornado-bar",
      "data-assumption": b.assumption,
      "data-swing": b.swing,
    });
    g.append(
      el(
        "text",
        { x: x0, y: y - 3, class: "tornado-label" },
        `${b.assumption} (${num(b.low, 3)}–${num(b.high, 3)})`,
      ),
    );
    for (const end of ["low", "high"] as const) {
      const v = end === "low" ? b.shareAtLow : b.shareAtHigh;
      const at = end === "low" ? b.low : b.high;
      if (v === null) {
        g.append(
          el(
            "text",
            {
              x: sx(central) + (end === "low" ? -4 : 4),
              y: y + o.bar * 0.75,
              "text-anchor": end === "low" ? "end" : "start",
              class: `tornado-undefined tornado-${end}`,
            },
            `${end}: undefined`,
          ),
        );
        continue;
      }
      const a = Math.min(sx(v), sx(central));
      const w = Math.abs(sx(v) - sx(central));
      const rect = el("rect", {
        x: a,
        y,
        width: w,
        height: o.bar,
        fill: TORNADO_COLOURS[end],
        class: `tornado-${end}`,
        "data-value": v,
      });
      rect.append(
        el(
          "title",
          {},
          `${b.assumption} at its ${end} end (${num(at, 3)}): ${shareText(v)} (central ${shareText(central)})`,
        ),
      );
      g.append(rect);
    }
    svg.append(g);
  });
  const yAxis = M.top + bars.length * row;
  svg.append(
    el("line", {
      x1: sx(central),
      x2: sx(central),
      y1: M.top - 4,
      y2: yAxis,
      stroke: "#111",
      "stroke-width": 1,
      class: "tornado-central",
    }),
    el("line", { x1: x0, x2: x1, y1: yAxis, y2: yAxis, stroke: "#999" }),
  );
  for (const t of [0, max / 2, max])
    svg.append(
      el(
        "text",
        { x: sx(t), y: yAxis + 14, "text-anchor": "middle", class: "tick" },
        Number(t.toPrecision(2)).toString(),
      ),
    );
  svg.append(
    el(
      "text",
      { x: x1, y: yAxis + 32, "text-anchor": "end", class: "tornado-legend" },
      el("tspan", { fill: TORNADO_COLOURS.low }, "■ at the low end"),
      "  ",
      el("tspan", { fill: TORNADO_COLOURS.high }, "■ at the high end"),
      `  | central ${shareText(central)}`,
    ),
  );
  return svg;
}
