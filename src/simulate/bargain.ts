/**
 * `ana bargain`: a negotiation forecast with KTAB's SMP or the BDM expected-utility model, always
 * beside the capability×salience weighted mean and median, in the output shape.
 */
import { baselines } from "./baselines.ts";
import { BdmModel, type BdmOptions } from "./bdm.ts";
import type { SmpParams } from "./ktab-params.ts";
import { runSmp, type SmpTurnDetail } from "./smp.ts";
import type { SmpScenario } from "./smp-scenario.ts";

export type BargainModel = "smp" | "bdm";

export interface BargainTurn {
  positions: Record<string, number[]>;
  probabilities: Record<string, number>;
  fractionalChange: number | null;
  /** SMP: why positions changed in the turn that led here (challenges made, bargain each actor adopted). */
  why?: SmpTurnDetail;
}

export interface BargainResult {
  model: BargainModel;
  scenario: { name: string; description: string; dimensions: string[]; actors: string[] };
  params: Record<string, unknown>;
  seed: string | null;
  turns: BargainTurn[];
  final: { positions: Record<string, number[]> };
  baselines: { weightedMean: number[]; weightedMedian: number[] };
  /** The forecast outcome: capability×salience weighted mean of the final positions, per dimension. */
  forecast: number[];
  stopReason: string;
  notes: string[];
}

export interface BargainOptions {
  model?: BargainModel;
  /** A seed switches SMP to KTAB's stochastic state transitions with that seed. */
  seed?: bigint;
  params?: Partial<SmpParams>;
  bdm?: BdmOptions;
  deadline?: number;
}

function byActor<T>(names: string[], xs: T[]): Record<string, T> {
  return Object.fromEntries(names.map((n, i) => [n, xs[i]]));
}

/** Capability×salience weighted mean of positions (per dimension). */
export function outcomeOf(sc: SmpScenario, positions: number[][]): number[] {
  const shifted = sc.actors.map((a, i) => ({ ...a, position: positions[i] }));
  return baselines(shifted, sc.dimensions.length).weightedMean;
}

export function runBargain(sc: SmpScenario, opts: BargainOptions = {}): BargainResult {
  const model = opts.model ?? "smp";
  const names = sc.actors.map((a) => a.name);
  const base = baselines(sc.actors, sc.dimensions.length);
  const notes: string[] = [];
  if (model === "smp") {
    const params: Partial<SmpParams> = { ...opts.params };
    if (opts.seed !== undefined && !opts.params?.StateTransitions)
      params.StateTransitions = "Stochastic";
    const r = runSmp(sc, { params, seed: opts.seed, deadline: opts.deadline });
    const turns = r.positions.map((pos, t) => ({
      positions: byActor(names, pos),
      probabilities: byActor(names, r.probabilities[t]),
      fractionalChange: r.fractionalChange[t],
      ...(t > 0 ? { why: r.details[t - 1] } : {}),
    }));
    notes.push(
      "probabilities are KTAB's: the PCE probability of each actor's position; actors sharing a position share it, so they can sum to more than 1",
    );
    if (r.params.StateTransitions === "Stochastic")
      notes.push(
        "stochastic: KTAB's PRNG (mt19937_64 with qTrans) drives the choice among bargains; bargain queues are in actor order",
      );
    const final = r.positions[r.positions.length - 1];
    return {
      model,
      scenario: {
        name: sc.name,
        description: sc.description,
        dimensions: sc.dimensions,
        actors: names,
      },
      params: { ...r.params },
      seed: r.params.StateTransitions === "Stochastic" ? r.seed : null,
      turns,
      final: { positions: byActor(names, final) },
      baselines: base,
      forecast: outcomeOf(sc, final),
      stopReason: r.stopReason,
      notes,
    };
  }
  // BDM: one issue at a time
  const rounds = opts.bdm?.rounds ?? 10;
  const perDim = sc.dimensions.map((_, d) => {
    const m = new BdmModel(
      sc.actors.map((a) => ({
        name: a.name,
        capability: a.capability,
        salience: a.salience[d] / 100,
        position: a.position[d],
      })),
      opts.bdm,
    );
    return [sc.actors.map((a) => a.position[d]), ...m.run(rounds).map((r) => r.positions)];
  });
  const T = Math.max(...perDim.map((h) => h.length));
  const posAt = (t: number) =>
    sc.actors.map((_, i) => perDim.map((h) => h[Math.min(t, h.length - 1)][i]));
  const history = Array.from({ length: T }, (_, t) => posAt(t));
  const dist = (a: number[][], b: number[][]) =>
    a.reduce((s, p, i) => s + Math.sqrt(p.reduce((q, x, d) => q + (x - b[i][d]) ** 2, 0)), 0);
  const span = Math.max(
    1e-9,
    ...sc.dimensions.map(
      (_, d) =>
        Math.max(...sc.actors.map((a) => a.position[d])) -
        Math.min(...sc.actors.map((a) => a.position[d])),
    ),
  );
  const d01 = T > 1 ? dist(history[0], history[1]) + 1e-4 * span : 1;
  const support = (pos: number[][]) => {
    const w = sc.actors.map((a) => a.capability * a.salience.reduce((s, x) => s + x, 0));
    const tot = w.reduce((s, x) => s + x, 0);
    return pos.map((p) => {
      let s = 0;
      pos.forEach((q, j) => {
        if (q.every((x, d) => Math.abs(x - p[d]) <= 1e-9 * span)) s += w[j];
      });
      return tot > 0 ? s / tot : 0;
    });
  };
  notes.push(
    "BDM probabilities are support shares: the capability×salience share of actors holding the same position",
  );
  notes.push("BDM runs one dimension at a time (Scholz et al. 2011 is a one-issue model)");
  const final = history[T - 1];
  return {
    model,
    scenario: {
      name: sc.name,
      description: sc.description,
      dimensions: sc.dimensions,
      actors: names,
    },
    params: {
      q: opts.bdm?.q ?? 1,
      t: opts.bdm?.t ?? 1,
      probability: opts.bdm?.probability ?? "published",
      rounds,
    },
    seed: null,
    turns: history.map((pos, t) => ({
      positions: byActor(names, pos),
      probabilities: byActor(names, support(pos)),
      fractionalChange: t === 0 ? null : dist(history[t], history[t - 1]) / d01,
    })),
    final: { positions: byActor(names, final) },
    baselines: base,
    forecast: outcomeOf(sc, final),
    stopReason: T - 1 < rounds ? "converged" : "rounds",
    notes,
  };
}
