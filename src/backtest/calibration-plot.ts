/**
 * The calibration plot of the Monte Carlo bands: for each model (one panel each), the nominal
 * coverage of a central band (x) against the share of outcomes that fell inside it (y), with the
 * diagonal a calibrated band would sit on, a Wilson score interval for the observed share (a
 * binomial proportion of n issues) and n. Only the bands the track record scores are drawn (the
 * central 50 % and 90 % bands of the q05, q25, q75 and q95 quantiles); nothing is interpolated.
 * A pure function of the calibration rows returning a standalone SVG string (no DOM), so
 * docs/backtest-calibration.svg and the Lab draw the same picture.
 */
import type { TrackRecord } from "./track-record.ts";
import type { BacktestCalibrationRow } from "./types.ts";

export const CALIBRATION_PLOT_DEFAULTS = {
  /** Models drawn, one panel each, in this order (a model without rows gets a panel saying so). */
  models: ["smp", "bdm"] as string[],
  /** Level of the Wilson interval. */
  level: 0.9,
  /** Side of one panel's square plotting area, px. */
  panel: 200,
  title: "Calibration of the Monte Carlo bands: share of outcomes inside each central band",
};

export type CalibrationPlotOptions = Partial<typeof CALIBRATION_PLOT_DEFAULTS>;

/** Layout (px): margins around each panel and the gap between panels. */
export const CALIBRATION_PLOT_MARGIN = { top: 48, right: 24, bottom: 64, left: 52, gap: 40 };

export const CALIBRATION_PLOT_COLOURS: Record<string, string> = {
  smp: "#4575b4",
  bdm: "#d73027",
};
const OTHER_COLOUR = "#555555";

export const CALIBRATION_MODEL_LABEL: Record<string, string> = {
  smp: "SMP (KTAB)",
  bdm: "expected utility (BDM)",
};

/**
 * The standard normal quantile Φ⁻¹(p), 0 < p < 1 (Acklam's rational approximation, relative
 * error below 1.2e-9).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  let x: number;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - lo) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  return x;
}

/**
 * The Wilson score interval (Wilson 1927) for a binomial proportion: k successes in n trials at
 * the given two-sided level. n = 0: no interval (null).
 */
export function wilsonInterval(k: number, n: number, level = 0.9): [number, number] | null {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`wilsonInterval: n = ${n}`);
  if (!(k >= 0 && k <= n)) throw new RangeError(`wilsonInterval: k = ${k} not in [0, ${n}]`);
  if (!(level > 0 && level < 1)) throw new RangeError(`wilsonInterval: level = ${level}`);
  if (n === 0) return null;
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = k / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export interface CalibrationPoint {
  model: string;
  /** Nominal coverage of the central band. */
  band: number;
  n: number;
  /** Outcomes inside the band. */
  k: number;
  coverage: number;
  /** Wilson interval of the observed share at the plot's level. */
  interval: [number, number];
}

/** The plotted points: rows with a coverage and n > 0, each with its Wilson interval. */
export function calibrationPoints(
  rows: readonly BacktestCalibrationRow[],
  options: { level?: number } = {},
): CalibrationPoint[] {
  const level = options.level ?? CALIBRATION_PLOT_DEFAULTS.level;
  return rows.flatMap((r) => {
    if (r.coverage === null || !(r.n > 0)) return [];
    // coverage was stored as inside / n: rounding recovers the count.
    const k = Math.round(r.coverage * r.n);
    return [
      {
        model: r.model,
        band: r.band,
        n: r.n,
        k,
        coverage: r.coverage,
        interval: wilsonInterval(k, r.n, level) as [number, number],
      },
    ];
  });
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const num = (x: number) => Number(x.toFixed(2)).toString();
const pct = (x: number) => `${Math.round(100 * x)} %`;

/** Pixel position of a share in panel `i` (x: nominal coverage, y: observed share). */
export function calibrationPlotScale(i: number, options: CalibrationPlotOptions = {}) {
  const s = options.panel ?? CALIBRATION_PLOT_DEFAULTS.panel;
  const M = CALIBRATION_PLOT_MARGIN;
  const x0 = M.left + i * (s + M.left + M.right + M.gap);
  const y0 = M.top + s;
  return { x: (v: number) => x0 + v * s, y: (v: number) => y0 - v * s, x0, y0, size: s };
}

/** The plot as a standalone SVG document (a string). */
export function calibrationPlotSvg(
  rows: readonly BacktestCalibrationRow[],
  options: CalibrationPlotOptions = {},
): string {
  const o = { ...CALIBRATION_PLOT_DEFAULTS, ...options };
  const M = CALIBRATION_PLOT_MARGIN;
  const points = calibrationPoints(rows, { level: o.level });
  const s = o.panel;
  const width = o.models.length * (M.left + s + M.right) + (o.models.length - 1) * M.gap;
  const height = M.top + s + M.bottom;
  const lvl = pct(o.level);
  const said = points.map(
    (p) =>
      `${CALIBRATION_MODEL_LABEL[p.model] ?? p.model}: central ${pct(p.band)} band holds ${pct(p.coverage)} of ${p.n} outcomes (${lvl} Wilson interval ${pct(p.interval[0])} to ${pct(p.interval[1])})`,
  );
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="calibration-plot" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" font-family="sans-serif" font-size="11">`,
  );
  out.push(`<title>${esc(o.title)}</title>`);
  out.push(
    `<desc>${esc(`Nominal coverage (x) against the observed share of outcomes inside the band (y); the dashed diagonal is perfect calibration; whiskers: ${lvl} Wilson intervals. ${said.length ? `${said.join("; ")}.` : "No band was scored."}`)}</desc>`,
  );
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${M.left}" y="16" font-size="13" font-weight="bold">${esc(o.title)}</text>`);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  o.models.forEach((model, i) => {
    const sc = calibrationPlotScale(i, o);
    const colour = CALIBRATION_PLOT_COLOURS[model] ?? OTHER_COLOUR;
    const mine = points.filter((p) => p.model === model);
    out.push(`<g class="panel" data-model="${esc(model)}">`);
    out.push(
      `<text x="${num(sc.x0)}" y="${M.top - 10}" font-weight="bold" fill="${colour}">${esc(CALIBRATION_MODEL_LABEL[model] ?? model)}</text>`,
    );
    // grid, axes and ticks
    for (const t of ticks) {
      out.push(
        `<line x1="${num(sc.x(0))}" x2="${num(sc.x(1))}" y1="${num(sc.y(t))}" y2="${num(sc.y(t))}" stroke="#e5e5e5"/>`,
        `<line x1="${num(sc.x(t))}" x2="${num(sc.x(t))}" y1="${num(sc.y(0))}" y2="${num(sc.y(1))}" stroke="#e5e5e5"/>`,
        `<text x="${num(sc.x0 - 6)}" y="${num(sc.y(t) + 4)}" text-anchor="end">${pct(t)}</text>`,
        `<text x="${num(sc.x(t))}" y="${num(sc.y0 + 16)}" text-anchor="middle">${pct(t)}</text>`,
      );
    }
    out.push(
      `<rect x="${num(sc.x0)}" y="${num(sc.y(1))}" width="${s}" height="${s}" fill="none" stroke="#888888"/>`,
    );
    out.push(
      `<line class="diagonal" x1="${num(sc.x(0))}" y1="${num(sc.y(0))}" x2="${num(sc.x(1))}" y2="${num(sc.y(1))}" stroke="#333333" stroke-dasharray="4 3"/>`,
    );
    out.push(
      `<text x="${num(sc.x(0.97))}" y="${num(sc.y(0.97) + 14)}" text-anchor="end" fill="#333333">calibrated</text>`,
    );
    out.push(
      `<text x="${num(sc.x(0.5))}" y="${num(sc.y0 + 34)}" text-anchor="middle">nominal coverage of the central band</text>`,
    );
    out.push(
      `<text transform="translate(${num(sc.x0 - 38)} ${num(sc.y(0.5))}) rotate(-90)" text-anchor="middle">outcomes inside the band</text>`,
    );
    if (mine.length === 0)
      out.push(
        `<text x="${num(sc.x(0.5))}" y="${num(sc.y(0.5) - 8)}" text-anchor="middle" fill="#555555">bands not scored (no Monte Carlo runs)</text>`,
      );
    for (const p of mine) {
      const x = sc.x(p.band);
      const [lo, hi] = p.interval;
      const right = p.band <= 0.5;
      out.push(
        `<g class="point" data-model="${esc(model)}" data-band="${p.band}" data-n="${p.n}" data-coverage="${p.coverage}" data-low="${lo}" data-high="${hi}">`,
        `<title>${esc(`${CALIBRATION_MODEL_LABEL[model] ?? model}, central ${pct(p.band)} band: ${p.k} of ${p.n} outcomes inside (${pct(p.coverage)}; ${lvl} Wilson interval ${pct(lo)} to ${pct(hi)})`)}</title>`,
        `<line x1="${num(x)}" x2="${num(x)}" y1="${num(sc.y(lo))}" y2="${num(sc.y(hi))}" stroke="${colour}" stroke-width="1.5"/>`,
        `<line x1="${num(x - 4)}" x2="${num(x + 4)}" y1="${num(sc.y(lo))}" y2="${num(sc.y(lo))}" stroke="${colour}" stroke-width="1.5"/>`,
        `<line x1="${num(x - 4)}" x2="${num(x + 4)}" y1="${num(sc.y(hi))}" y2="${num(sc.y(hi))}" stroke="${colour}" stroke-width="1.5"/>`,
        `<circle cx="${num(x)}" cy="${num(sc.y(p.coverage))}" r="3.5" fill="${colour}"/>`,
        `<text x="${num(right ? x + 8 : x - 8)}" y="${num(sc.y(p.coverage) + 4)}" text-anchor="${right ? "start" : "end"}">${pct(p.coverage)} (n = ${p.n})</text>`,
        "</g>",
      );
    }
    out.push("</g>");
  });
  out.push(
    `<text x="${M.left}" y="${height - 8}" fill="#555555">Dashed: a calibrated band. Whiskers: ${lvl} Wilson intervals of the observed share; n: issues scored.</text>`,
  );
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

/**
 * docs/backtest-calibration.svg: the plot of a track record's calibration rows, one panel per
 * model with scored bands (in the track record's order; the default models when none was scored),
 * Wilson intervals at the track record's level.
 */
export function trackRecordCalibrationSvg(t: TrackRecord, options: CalibrationPlotOptions = {}) {
  const scored = t.models.filter((m) => t.calibration.some((c) => c.model === m));
  return calibrationPlotSvg(t.calibration, {
    ...(scored.length ? { models: scored } : {}),
    level: t.settings.level,
    ...options,
  });
}
