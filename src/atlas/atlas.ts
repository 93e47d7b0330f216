import { panelCoverage, requirePanel } from "../measure/panel.ts";
import type { Store } from "../store/store.ts";
import { poleBalance } from "./balance.ts";
import { type ComponentYear, DATA, emptyYear, r4 } from "./component.ts";
import { composite } from "./composite.ts";
import { ATLAS_COMPONENTS, ATLAS_DEFAULTS } from "./defaults.ts";
import { drawInterval } from "./draws.ts";
import { EVENNESS_MODES, scoreFormula } from "./evenness.ts";
import { checkPoles, defaultPoles } from "./poles.ts";
import { rankIntervals, ranks } from "./rank.ts";
import { COMPONENT_SPECS } from "./registry.ts";
import type {
  AtlasComponentInfo,
  AtlasComponentValue,
  AtlasOptions,
  AtlasResult,
  AtlasRow,
} from "./types.ts";
import { atlasUniverse } from "./universe.ts";

const STATUS = ["no data", "partial", "data"] as const;

/** Resolve and check options against `ATLAS_DEFAULTS`; errors name the option. */
export function atlasOptions(
  options: AtlasOptions = {},
): Required<AtlasOptions> & { defaultWeights: boolean } {
  const o = { ...ATLAS_DEFAULTS, ...stripUndefined(options) } as Required<AtlasOptions>;
  const int = (k: keyof AtlasOptions, lo: number, hi: number) => {
    const v = o[k] as number;
    if (!Number.isInteger(v) || v < lo || v > hi)
      throw new Error(`atlas: ${k} must be a whole number from ${lo} to ${hi}, got ${v}`);
  };
  int("from", 1946, 2100);
  int("to", 1946, 2100);
  if (o.from > o.to) throw new Error(`atlas: from ${o.from} is after to ${o.to}`);
  int("draws", 0, 5000);
  int("seed", 0, 2 ** 32 - 1);
  int("minRollCalls", 1, 1000);
  int("armsWindow", 1, 20);
  if (o.voteMeasure !== "alignmentIndex" && o.voteMeasure !== "agreement")
    throw new Error(`atlas: voteMeasure must be alignmentIndex or agreement, got ${o.voteMeasure}`);
  if (!EVENNESS_MODES.includes(o.evenness))
    throw new Error(`atlas: evenness must be spread or coengagement, got ${o.evenness}`);
  if (!(o.level > 0 && o.level < 1))
    throw new Error(`atlas: level must be in (0, 1), got ${o.level}`);
  if (!(o.minCoverage > 0 && o.minCoverage <= 1))
    throw new Error(`atlas: minCoverage must be in (0, 1], got ${o.minCoverage}`);
  o.poles = checkPoles(options.poles ?? defaultPoles());
  o.states = options.states ?? [];
  for (const st of o.states)
    if (!/^[A-Z]{3}$/.test(st)) throw new Error(`atlas: states: "${st}" is not an ISO3 code`);
  // Given weights replace the defaults (components not named get 0); without them the defaults
  // apply, restricted in atlas() to the components that cover the whole requested range.
  const defaultWeights = options.weights === undefined;
  const weights: Record<string, number> = defaultWeights
    ? { ...ATLAS_DEFAULTS.weights }
    : Object.fromEntries(ATLAS_COMPONENTS.map((k) => [k, 0]));
  for (const [k, w] of Object.entries(options.weights ?? {})) {
    if (!(ATLAS_COMPONENTS as readonly string[]).includes(k))
      throw new Error(
        `atlas: weights: unknown component "${k}" (one of ${ATLAS_COMPONENTS.join(", ")})`,
      );
    if (!(typeof w === "number" && w >= 0 && Number.isFinite(w)))
      throw new Error(`atlas: weights: ${k} must be a number ≥ 0, got ${w}`);
    weights[k] = w;
  }
  if (Object.values(weights).every((w) => w === 0))
    throw new Error("atlas: weights: at least one component needs a weight > 0");
  o.weights = weights;
  return { ...o, defaultWeights };
}

/** A component's detail with the balance between poles added beside its engagement. */
function withBalance(detail: Record<string, unknown>): Record<string, unknown> {
  const e = detail.engagement as Record<string, number | null> | undefined;
  const b = e ? poleBalance(e) : null;
  return b ? { ...detail, ...b } : detail;
}

/** A state's detail with its level (mean engagement across poles) and note, where known. */
function withLevel(y: ComponentYear, s: number): Record<string, unknown> | undefined {
  const d = y.detail[s];
  if (!d) return d;
  const level = y.level ? r4(y.level[s]) : null;
  const note = y.note?.[s];
  return {
    ...d,
    ...(level !== null ? { level } : {}),
    ...(note ? { note } : {}),
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The composite's formula as text (`AtlasResult.formula`). */
export function atlasFormula(
  o: Required<AtlasOptions>,
  unweighted: { key: string; reason: string }[] = [],
): string {
  const w = Object.entries(o.weights)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${v}·E_${k}`)
    .join(" + ");
  return `I = Σ_{c∈A} w_c·E_c / Σ_{c∈A} w_c over the components A with data (weighted: ${w}); ${scoreFormula(o.evenness)}; coverage = Σ_{c∈A} w_c / Σ_c w_c, I null below ${o.minCoverage}${o.minCoverage >= 1 ? " (every weighted component must have data: the same inputs in every state-year)" : ""}.${unweighted.length > 0 ? ` Not weighted: ${unweighted.map((u) => `${u.key} (${u.reason})`).join("; ")}.` : ""} Higher I = more evenly engaged with the rival poles (${Object.keys(o.poles).join(", ")}).`;
}

/**
 * The Atlas: for every state-year from `from` to `to` (UN members by the rule in `universe.ts`),
 * each component's evenness of engagement with the poles and the composite multi-alignment
 * (hedging) index, with seeded intervals, ranks per year and rank intervals. Reads only the
 * reference panel (shipped, or what `ana panel import` put in the user panel). Missing stays
 * missing: a component without data is null with its status, never 0.
 */
export async function atlas(store: Store, options: AtlasOptions = {}): Promise<AtlasResult> {
  const o = atlasOptions(options);
  await requirePanel(store, "ref_unvotes");
  const years = await atlasUniverse(store, o.from, o.to);
  const poleIds = Object.keys(o.poles);
  const input = {
    store,
    years,
    poles: o.poles,
    poleIds,
    draws: o.draws,
    seed: o.seed,
    minRollCalls: o.minRollCalls,
    armsWindow: o.armsWindow,
    voteMeasure: o.voteMeasure,
    evenness: o.evenness,
  };
  const computed = new Map<string, Map<number, ComponentYear>>();
  const covs = new Map<string, Awaited<ReturnType<typeof panelCoverage>>>();
  for (const spec of COMPONENT_SPECS)
    covs.set(spec.key, spec.table ? await panelCoverage(store, spec.table) : undefined);
  // Default weights: only components whose source covers every requested year, so the index has
  // the same composition in every year of the result (the others are reported alongside).
  const unweighted: { key: string; reason: string }[] = [];
  if (o.defaultWeights) {
    for (const spec of COMPONENT_SPECS) {
      if (!(o.weights[spec.key] > 0)) continue;
      const cov = covs.get(spec.key);
      if (cov && cov.from <= o.from && cov.to >= o.to) continue;
      o.weights[spec.key] = 0;
      unweighted.push({
        key: spec.key,
        reason: cov
          ? `its source covers ${cov.from}–${cov.to}, not all of ${o.from}–${o.to}`
          : "not in the panel",
      });
    }
    if (Object.values(o.weights).every((w) => w === 0))
      o.weights.unvotes = ATLAS_DEFAULTS.weights.unvotes;
  }
  const infos: AtlasComponentInfo[] = [];
  for (const spec of COMPONENT_SPECS) {
    const cov = covs.get(spec.key);
    const dropped = unweighted.find((u) => u.key === spec.key);
    const note = [spec.note, dropped ? `default weight not used: ${dropped.reason}` : undefined]
      .filter(Boolean)
      .join("; ");
    infos.push({
      key: spec.key,
      label: spec.label,
      source: cov?.source ?? spec.source,
      coverage: cov ? { from: cov.from, to: cov.to } : null,
      weight: o.weights[spec.key] ?? 0,
      interval: spec.interval,
      ...(note ? { note } : {}),
    });
    if (spec.compute && cov) computed.set(spec.key, await spec.compute(input));
  }
  const rows: AtlasRow[] = [];
  const only = o.states.length > 0 ? new Set(o.states) : null;
  const poleOf = new Map<string, string>();
  for (const [p, ms] of Object.entries(o.poles)) for (const m of ms) poleOf.set(m, p);
  for (const [year, st] of years) {
    const S = st.iso3.length;
    const parts = COMPONENT_SPECS.map((spec) => ({
      key: spec.key,
      weight: o.weights[spec.key] ?? 0,
      year: computed.get(spec.key)?.get(year) ?? emptyYear(S, 0),
    }));
    const c = composite(S, parts, o.minCoverage, o.draws);
    const rank = ranks(c.index);
    const rankInt = c.draws
      ? rankIntervals(c.draws, S, o.draws, (i) => Number.isFinite(c.index[i]), o.level)
      : null;
    for (let s = 0; s < S; s++) {
      if (only && !only.has(st.iso3[s])) continue;
      const components: Record<string, AtlasComponentValue> = {};
      for (const p of parts) {
        const y = p.year;
        const has = y.status[s] === DATA;
        const detail = withLevel(y, s);
        const iv = has
          ? y.draws
            ? drawInterval(y.draws.subarray(s * o.draws, (s + 1) * o.draws), o.level)
            : ([y.value[s], y.value[s]] as [number, number])
          : null;
        components[p.key] = {
          value: has ? y.value[s] : null,
          interval: iv,
          status: STATUS[y.status[s]],
          ...(options.keepDraws && y.draws
            ? { draws: y.draws.subarray(s * o.draws, (s + 1) * o.draws) }
            : {}),
          ...(y.n ? { n: y.n[s] } : {}),
          ...(detail ? { detail: withBalance(detail) } : {}),
        };
      }
      const has = c.status[s] === DATA;
      const pole = poleOf.get(st.iso3[s]);
      rows.push({
        iso3: st.iso3[s],
        name: st.names[s],
        year,
        index: has ? c.index[s] : null,
        status: STATUS[c.status[s]],
        interval: has
          ? c.draws
            ? drawInterval(c.draws.subarray(s * o.draws, (s + 1) * o.draws), o.level)
            : [c.index[s], c.index[s]]
          : null,
        coverage: c.coverage[s],
        rank: has ? rank[s] : null,
        rankInterval: has ? (rankInt ? rankInt[s] : [rank[s], rank[s]]) : null,
        ...(pole ? { pole } : {}),
        components,
        ...(options.keepDraws && c.draws
          ? { indexDraws: c.draws.subarray(s * o.draws, (s + 1) * o.draws) }
          : {}),
      });
    }
  }
  return {
    from: o.from,
    to: o.to,
    poles: o.poles,
    weights: o.weights,
    formula: atlasFormula(o, unweighted),
    minCoverage: o.minCoverage,
    draws: o.draws,
    seed: o.seed,
    level: o.level,
    components: infos,
    rows,
  };
}
