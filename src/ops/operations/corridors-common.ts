import type { Network } from "../../corridor/load-network.ts";
import type { OpContext } from "../context.ts";
import { UsageError } from "../errors.ts";
import { Param, p } from "../params.ts";

/** Default year of compare/disrupt/network: the latest year with sourced transport demand (demand.csv). */
export const CORRIDOR_YEAR = 2024;

export interface Weights {
  time: number;
  cost: number;
  risk: number;
}

/** `time=1,cost=1,risk=2` (missing keys stay at 1), or an object. */
const weightsParam = new Param<Partial<Weights>, Partial<Weights> | string, true>({
  kind: "string",
  arg: "<w>",
  help: "generalised-cost weights, e.g. time=1,cost=1,risk=1",
  required: true,
  schema: (z) =>
    z.unknown().transform((v, ctx): Partial<Weights> => {
      const out: Partial<Weights> = {};
      const bad = (part: string) => {
        ctx.addIssue({
          code: "custom",
          input: v,
          message: `"${part}" is not key=value with key time, cost or risk and a number ≥ 0 (e.g. time=1,cost=1,risk=2)`,
        });
        return z.NEVER;
      };
      if (typeof v === "string") {
        if (v.length > 60) return bad(v.slice(0, 60));
        for (const part of v.split(",").filter(Boolean)) {
          const m = /^(time|cost|risk)=(\d+(\.\d+)?)$/.exec(part.trim());
          if (!m) return bad(part);
          out[m[1] as keyof Weights] = Number(m[2]);
        }
        return out;
      }
      if (typeof v !== "object" || v === null) return bad(String(v));
      for (const [k, w] of Object.entries(v)) {
        if (!["time", "cost", "risk"].includes(k) || typeof w !== "number" || !(w >= 0) || w > 1000)
          return bad(`${k}=${String(w)}`);
        out[k as keyof Weights] = w;
      }
      return out;
    }),
});

const w = (name: string) =>
  p
    .number(`weight of ${name} (instead of --weights)`, { min: 0, max: 1000, arg: "<w>" })
    .optional();

/** The generalised-cost weight parameters every corridor operation takes. */
export const weightParams = {
  weights: weightsParam.optional(),
  wTime: w("time"),
  wCost: w("cost"),
  wRisk: w("risk"),
};

/** The weights from `weights` and `wTime`/`wCost`/`wRisk` (each 1 unless given). */
export function toWeights(q: {
  weights?: Partial<Weights>;
  wTime?: number;
  wCost?: number;
  wRisk?: number;
}): Weights {
  return {
    cost: q.wCost ?? q.weights?.cost ?? 1,
    time: q.wTime ?? q.weights?.time ?? 1,
    risk: q.wRisk ?? q.weights?.risk ?? 1,
  };
}

export const dirParam = p
  .string("network folder (default: the shipped Eurasian network)", { arg: "<folder>" })
  .local()
  .optional();

export const networkKindParam = p.enum(["transport", "gas"], "transport or gas").optional();

/** The network (the shipped one, or a folder on the local surface), checking the years asked for. */
export async function loadCorridorNetwork(
  ctx: OpContext,
  dir: string | undefined,
  ...years: (number | undefined)[]
): Promise<Network> {
  const { loadNetwork, EURASIA_DIR } = await import("../../corridor/load-network.ts");
  const { networkSpan } = await import("../../corridor/leverage.ts");
  if (dir !== undefined && ctx.surface !== "local")
    throw new UsageError("{dir}: network folders are read only on the command line");
  const net = loadNetwork(dir ?? EURASIA_DIR);
  const [lo, hi] = networkSpan(net);
  for (const y of years)
    if (y !== undefined && (y < lo || y > hi))
      throw new UsageError(`{year} ${y} is outside the years the network covers (${lo}–${hi})`);
  return net;
}

export const round = (x: number | null | undefined, d = 0) =>
  x === null || x === undefined ? null : Number(x.toFixed(d));

/** `--assignment cheapest|logit` and `--theta`, shared by compare and backtest. */
export const assignmentParams = {
  assignment: p
    .enum(
      ["cheapest", "logit"] as const,
      "route choice: calibrated logit (default when the network holds its estimated parameters) or cheapest-first",
    )
    .optional("the network's default: logit with the parameters estimated in parameters.csv"),
  theta: p
    .number("logit dispersion per USD/FEU (default: the network's estimate)", {
      positive: true,
      max: 1,
      arg: "<theta>",
    })
    .optional("the estimate in parameters.csv, or estimated from observations 2016–2022"),
};

/**
 * The assignment choice for a run. Default: the network's calibrated logit (parameters.csv) or
 * cheapest-first when it has none. `--assignment logit` without `--theta` re-estimates theta and
 * the land constant from the observations of 2016–2022 (returned as `calibration`); with
 * `--theta`, the land and corridor constants are the network's estimates (0 when it has none).
 */
export async function assignmentChoice(
  net: Network,
  q: { assignment?: "cheapest" | "logit"; theta?: number },
  weights: Weights,
): Promise<{
  choice: import("../../corridor/problem.ts").AssignmentChoice;
  calibration: import("../../corridor/calibrate.ts").Calibration | null;
}> {
  const { defaultChoice, LOGIT_PARAMS } = await import("../../corridor/problem.ts");
  if (q.assignment === "cheapest") return { choice: { assignment: "cheapest" }, calibration: null };
  if (q.theta !== undefined)
    return {
      choice: {
        assignment: "logit",
        theta: q.theta,
        landConstant: net.params[LOGIT_PARAMS.landConstant]?.value ?? 0,
        corridorConstants: (() => {
          const d = defaultChoice(net);
          return d.assignment === "logit" ? (d.corridorConstants ?? {}) : {};
        })(),
      },
      calibration: null,
    };
  if (q.assignment === undefined) return { choice: defaultChoice(net), calibration: null };
  const { calibrateLogit } = await import("../../corridor/calibrate.ts");
  const { loadObservations } = await import("../../corridor/observations.ts");
  const cal = await calibrateLogit(net, loadObservations(net.dir), { weights });
  if (cal.theta === null) throw new UsageError(`--assignment logit: ${cal.note}; give --theta`);
  return {
    choice: {
      assignment: "logit",
      theta: cal.theta,
      landConstant: cal.landConstant ?? 0,
      corridorConstants: cal.corridorConstants,
    },
    calibration: cal,
  };
}
