/**
 * One-at-a-time sensitivity of a bargaining forecast (tornado summary): every KTAB parameter set to
 * each of its other values, and every actor's capability (±delta %), positions (±delta points) and
 * saliences (±delta points, clipped to 0–100 and to a total ≤ 100) moved down and up. The measured
 * output is the forecast (capability×salience weighted mean of final positions) per dimension; each
 * factor's swing is its largest absolute change from the base forecast over dimensions. Sorted by swing.
 */
import { type BargainOptions, runBargain } from "./bargain.ts";
import { SMP_DEFAULTS, SMP_PARAM_VALUES, type SmpParams } from "./ktab-params.ts";
import type { SmpScenario } from "./smp-scenario.ts";

export interface TornadoBar {
  factor: string;
  low: { setting: string; forecast: number[] };
  high: { setting: string; forecast: number[] };
  swing: number;
}

export interface SensitivityResult {
  base: number[];
  delta: number;
  bars: TornadoBar[];
  runs: number;
}

const PARAMS_SWEPT: (keyof SmpParams)[] = [
  "VotingRule",
  "VictoryProbModel",
  "PCEModel",
  "BigRRange",
  "BigRAdjust",
  "ThirdPartyCommit",
  "InterVecBrgn",
  "BargnModel",
];

export function sensitivity(
  sc: SmpScenario,
  opts: BargainOptions & { delta?: number } = {},
): SensitivityResult {
  const delta = opts.delta ?? 10;
  const base = runBargain(sc, opts).forecast;
  let runs = 1;
  const run = (s: SmpScenario, o: BargainOptions) => {
    if (opts.deadline !== undefined && Date.now() > opts.deadline)
      throw new Error(`sensitivity analysis exceeded its time budget after ${runs} runs`);
    runs++;
    return runBargain(s, o).forecast;
  };
  const swingOf = (fs: number[][]) =>
    Math.max(0, ...fs.flatMap((f) => f.map((x, d) => Math.abs(x - base[d]))));
  const bars: TornadoBar[] = [];
  if ((opts.model ?? "smp") === "smp") {
    const cur: SmpParams = { ...SMP_DEFAULTS, ...sc.params, ...opts.params };
    for (const key of PARAMS_SWEPT) {
      const alts = (SMP_PARAM_VALUES[key] as readonly string[]).filter((v) => v !== cur[key]);
      const res = alts.map((v) => ({
        setting: `${key}=${v}`,
        forecast: run(sc, { ...opts, params: { ...opts.params, [key]: v } }),
      }));
      if (res.length === 0) continue;
      // low/high: the alternatives that move the first dimension's forecast most down and up
      const sorted = res.slice().sort((a, b) => a.forecast[0] - b.forecast[0]);
      bars.push({
        factor: key,
        low: sorted[0],
        high: sorted[sorted.length - 1],
        swing: swingOf(res.map((r) => r.forecast)),
      });
    }
  }
  const clip = (x: number) => Math.min(100, Math.max(0, x));
  const withActor = (
    i: number,
    f: (a: SmpScenario["actors"][number]) => SmpScenario["actors"][number],
  ): SmpScenario => ({
    ...sc,
    actors: sc.actors.map((a, k) => (k === i ? f(a) : a)),
  });
  sc.actors.forEach((a, i) => {
    const variants: [string, (sign: number) => SmpScenario][] = [
      [
        `${a.name} capability`,
        (sg) =>
          withActor(i, (x) => ({
            ...x,
            capability: Math.max(1e-9, x.capability * (1 + (sg * delta) / 100)),
          })),
      ],
      [
        `${a.name} position`,
        (sg) =>
          withActor(i, (x) => ({ ...x, position: x.position.map((p) => clip(p + sg * delta)) })),
      ],
      [
        `${a.name} salience`,
        (sg) =>
          withActor(i, (x) => {
            const s = x.salience.map((v) => clip(v + sg * delta));
            const t = s.reduce((p, q) => p + q, 0);
            return {
              ...x,
              salience: t > 100 ? s.map((v) => (100 * v) / t) : t === 0 ? x.salience : s,
            };
          }),
      ],
    ];
    for (const [factor, make] of variants) {
      const lo = run(make(-1), opts);
      const hi = run(make(+1), opts);
      const unit = factor.endsWith("capability") ? "%" : " points";
      bars.push({
        factor,
        low: { setting: `-${delta}${unit}`, forecast: lo },
        high: { setting: `+${delta}${unit}`, forecast: hi },
        swing: swingOf([lo, hi]),
      });
    }
  });
  bars.sort((a, b) => b.swing - a.swing);
  return { base, delta, bars, runs };
}
