import { panelCoverage, requirePanel } from "../measure/panel.ts";
import type { Store } from "../store/store.ts";
import { poleBalance } from "./balance.ts";
import { type ComponentYear, DATA, emptyYear } from "./component.ts";
import { composite } from "./composite.ts";
import { ATLAS_COMPONENTS, ATLAS_DEFAULTS } from "./defaults.ts";
import { drawInterval } from "./draws.ts";
import { EVENNESS_FORMULA } from "./evenness.ts";
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
export function atlasOptions(options: AtlasOptions = {}): Required<AtlasOptions> {
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
  if (!(o.level > 0 && o.level < 1))
    throw new Error(`atlas: level must be in (0, 1), got ${o.level}`);
  if (!(o.minCoverage > 0 && o.minCoverage <= 1))
    throw new Error(`atlas: minCoverage must be in (0, 1], got ${o.minCoverage}`);
  o.poles = checkPoles(options.poles ?? defaultPoles());
  o.states = options.states ?? [];
  for (const st of o.states)
    if (!/^[A-Z]{3}$/.test(st)) throw new Error(`atlas: states: "${st}" is not an ISO3 code`);
  const weights = { ...ATLAS_DEFAULTS.weights };
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
  return o;
}

/** A component's detail with the balance between poles added beside its engagement. */
function withBalance(detail: Record<string, unknown>): Record<string, unknown> {
  const e = detail.engagement as Record<string, number | null> | undefined;
  const b = e ? poleBalance(e) : null;
  return b ? { ...detail, ...b } : detail;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The composite's formula as text (`AtlasResult.formula`). */
export function atlasFormula(o: Required<AtlasOptions>): string {
  const w = Object.entries(o.weights)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${v}·E_${k}`)
    .join(" + ");
  return `I = Σ_{c∈A} w_c·E_c / Σ_{c∈A} w_c over the components A with data (weighted: ${w}); ${EVENNESS_FORMULA}; coverage = Σ_{c∈A} w_c / Σ_c w_c, I null below ${o.minCoverage}. Higher I = more evenly engaged with the rival poles (${Object.keys(o.poles).join(", ")}).`;
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
  };
  const computed = new Map<string, Map<number, ComponentYear>>();
  const infos: AtlasComponentInfo[] = [];
  for (const spec of COMPONENT_SPECS) {
    const cov = spec.table ? await panelCoverage(store, spec.table) : undefined;
    infos.push({
      key: spec.key,
      label: spec.label,
      source: cov?.source ?? spec.source,
      coverage: cov ? { from: cov.from, to: cov.to } : null,
      weight: o.weights[spec.key] ?? 0,
      interval: spec.interval,
      ...(spec.note ? { note: spec.note } : {}),
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
        const detail = y.detail[s];
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
    formula: atlasFormula(o),
    minCoverage: o.minCoverage,
    draws: o.draws,
    seed: o.seed,
    level: o.level,
    components: infos,
    rows,
  };
}
