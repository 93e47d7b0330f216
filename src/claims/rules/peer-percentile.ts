import { z } from "zod";
import { loadPeerGroups, parsePeerSpecs, resolvePeerGroup } from "../../atlas/peers.ts";
import { ATLAS_MEASURE_KEYS, atlasValues } from "../measures/atlas-values.ts";
import {
  CAPABILITY_INDICATORS,
  type CapabilityIndicator,
  capabilityPeers,
} from "../measures/capability-peers.ts";
import { idealAxisPositions, type StateValues } from "../measures/ideal-axis.ts";
import { issueVotePositions } from "../measures/issue-votes.ts";
import { midRank, type PeerBaseline, type PeerValue, peerBaseline } from "../peer-baseline.ts";
import { resolvePeerSet } from "../peer-sets.ts";
import { fmtRange, PERIOD_PATTERN, yearRange } from "../periods.ts";
import type { ClaimSpec } from "../schema.ts";
import type { ClaimContext, RuleOutcome } from "../types.ts";
import { finalVerdict, straddles, type Verdict } from "../verdict.ts";

const code = z.string().regex(/^[A-Z][A-Z0-9_]{1,11}$/);

const MeasureSpec = z.discriminatedUnion("measure", [
  z
    .object({
      measure: z.literal("ideal-point-axis"),
      axis: z.tuple([code, code]),
      /** Name of the claim's period to use. */
      period: z.string(),
      required: z.boolean().default(true),
    })
    .strict(),
  z
    .object({
      measure: z.literal("issue-votes"),
      label: z.string(),
      match: z.string().optional(),
      dates: z.array(z.string().regex(PERIOD_PATTERN)).optional(),
      against: code,
      /** A state needs at least this many votes on them to have a value (absences are not in the data). */
      minVotes: z.number().int().positive().default(3),
      period: z.string(),
      required: z.boolean().default(true),
    })
    .strict(),
  z
    .object({
      measure: z.literal("atlas"),
      /** The Atlas's composite index or one of its components. */
      key: z.enum(ATLAS_MEASURE_KEYS),
      period: z.string(),
      required: z.boolean().default(true),
    })
    .strict(),
  z
    .object({
      measure: z.literal("capability"),
      indicator: z.enum(
        Object.keys(CAPABILITY_INDICATORS) as [CapabilityIndicator, ...CapabilityIndicator[]],
      ),
      period: z.string(),
      required: z.boolean().default(true),
    })
    .strict(),
]);
type MeasureSpec = z.infer<typeof MeasureSpec>;

export const schema = z
  .object({
    kind: z.literal("peer-percentile"),
    /**
     * Named peer sets of the claims file or Atlas peer groups (NONALIGNED, OTS, REGION:LATAM,
     * CINC:2, custom:ARM+GEO; data/peers/), their union; or states within a factor of the focal
     * state's CINC.
     */
    peers: z.union([z.array(z.string()).min(1), z.object({ cincBand: z.number().gt(1) }).strict()]),
    measures: z.array(MeasureSpec).min(1),
    /** States whose percentile among the same peers is shown beside the focal state's, for comparison. */
    compare: z.array(code).default([]),
    /** The focal state's percentile among its peers must be at least this to support the claim. */
    threshold: z.number().min(0).max(1),
  })
  .strict();
export type PeerPercentileRule = z.infer<typeof schema>;

interface MeasureResult {
  key: string;
  spec: MeasureSpec;
  years: [number, number];
  values: StateValues;
  base: PeerBaseline | null;
  peers: string[];
  missing: string[];
  extra: string;
}

const f = (x: number | null | undefined, d = 2) =>
  x === null || x === undefined ? "n/a" : x.toFixed(d);
const fi = (i: [number, number] | null) => (i ? `[${f(i[0])}, ${f(i[1])}]` : "none");

/**
 * Relative claims: where the focal state sits among comparable states on each measure (mid-rank
 * percentile with a seeded interval, `peerBaseline`). Supported if every measure puts it at or
 * above the threshold; partly if some; not supported if none. A required measure without data
 * in its period makes the claim not testable (its value at the latest earlier year is reported
 * for context); an optional one is dropped and listed. Inconclusive if an interval straddles the
 * threshold.
 */
export async function run(
  spec: ClaimSpec & { rule: PeerPercentileRule },
  ctx: ClaimContext,
): Promise<RuleOutcome> {
  const r = spec.rule;
  const o = ctx.options;
  const results: MeasureResult[] = [];
  let peerText = "";
  const sources = new Set<string>();
  for (const m of r.measures) {
    const p = spec.periods[m.period];
    if (typeof p !== "string") throw new Error(`${spec.id}: no period "${m.period}" in periods`);
    const years = yearRange(p);
    const band = Array.isArray(r.peers) ? 2 : r.peers.cincBand;
    const res = await measure(m, years, ctx, band);
    sources.add(res.values.source);
    // Peers in the year the values come from (an Atlas measure: its year), else the period's end.
    const year = res.year ?? years[1];
    let peers: string[] = [];
    if (!Array.isArray(r.peers) && m.measure !== "capability") {
      const g = await resolvePeerGroup({ kind: "cinc", factor: r.peers.cincBand }, year, {
        store: ctx.store,
        focal: ctx.focal,
        data: loadPeerGroups(),
      });
      peers = g.members.filter((x) => x !== ctx.focal);
      peerText = `${g.name} in ${year} (${g.members.length}: ${g.how}; ${g.source})`;
      sources.add(g.source);
    } else if (Array.isArray(r.peers)) {
      const sets = [];
      for (const id of r.peers) sets.push(await peerSet(id, year, ctx));
      peers = [...new Set(sets.flatMap((s) => s.members))].filter((x) => x !== ctx.focal).sort();
      peerText = sets
        .map((s) => `${s.name} (${s.members.length}: ${s.how}; ${s.source})`)
        .join("; ");
      for (const s of sets) sources.add(s.source);
    } else {
      peers = [...res.values.values.keys()].filter((x) => x !== ctx.focal).sort();
      peerText = `states whose CINC is within a factor ${r.peers.cincBand} of ${ctx.focal}'s in the same year (COW NMC v7)`;
    }
    const focal = res.values.values.get(ctx.focal);
    const have = peers.map((x) => res.values.values.get(x)).filter((x): x is PeerValue => !!x);
    const missing = peers.filter((x) => !res.values.values.has(x));
    const base = focal
      ? peerBaseline(
          { focal, peers: have },
          { draws: res.draws ?? o.draws, seed: o.seed, level: o.level, resample: "both" },
        )
      : null;
    results.push({
      key: keyOf(m),
      spec: m,
      years,
      values: res.values,
      base,
      peers,
      missing,
      extra: res.extra,
    });
  }
  const ok = results.filter((x) => x.base?.percentile !== null && x.base?.percentile !== undefined);
  const absent = results.filter((x) => !ok.includes(x));
  const requiredAbsent = absent.filter((x) => x.spec.required);
  const dropped = absent.map((x) => ({
    key: x.key,
    reason: x.base
      ? `too few peers with data (${x.base.n})`
      : `no ${ctx.focal} value in ${fmtRange(x.years)} (${x.values.note})`,
  }));
  for (const x of ok)
    if (x.missing.length)
      dropped.push({ key: `${x.key}: peers`, reason: `no value for ${x.missing.join(", ")}` });
  const compareText = (x: MeasureResult) => {
    const shown = r.compare
      .map((c) => {
        const v = x.values.values.get(c);
        if (!v) return null;
        const others = x.peers
          .filter((p) => p !== c)
          .map((p) => x.values.values.get(p)?.value)
          .filter((y): y is number => y !== undefined);
        return `${c} ${f(v.value)} (percentile ${f(midRank(others, v.value))})`;
      })
      .filter(Boolean);
    return shown.length ? `; for comparison, among the same peers: ${shown.join(", ")}` : "";
  };
  const describe = (x: MeasureResult) =>
    x.base && x.base.percentile !== null
      ? `${x.values.note}: ${ctx.focal} ${f(x.base.value)}${x.extra}, percentile ${f(x.base.percentile)} among ${x.base.n} peers, interval ${fi(x.base.interval)} (peers' median ${f(x.base.peerQuantiles?.p50)}, quartiles ${f(x.base.peerQuantiles?.p25)}–${f(x.base.peerQuantiles?.p75)})${compareText(x)}`
      : `${x.key}: ${x.values.note}`;
  const ruleText = `supported if ${ctx.focal}'s percentile among its peers is at least ${r.threshold} on every measure; partly supported if on some; not supported if on none; inconclusive if an interval straddles ${r.threshold}; not testable if a required measure has no data in its period`;
  const base = {
    inputs: {
      used: ok.map(
        (x) =>
          `${x.key} (${x.values.basis.length} ${x.spec.measure === "issue-votes" ? "roll calls" : "years"})`,
      ),
      dropped,
    },
    sources: [...sources],
    ruleText,
  };
  if (requiredAbsent.length > 0 || ok.length === 0) {
    const context: string[] = [];
    for (const x of requiredAbsent) {
      if (x.spec.measure !== "capability") continue;
      const earlier = await measure(
        x.spec,
        [1990, x.years[0] - 1],
        ctx,
        Array.isArray(r.peers) ? 2 : r.peers.cincBand,
      );
      const fv = earlier.values.values.get(ctx.focal);
      if (!fv) continue;
      const peers = [...earlier.values.values.values()].filter((p) => p.iso3 !== ctx.focal);
      const b = peerBaseline(
        { focal: fv, peers },
        { draws: o.draws, seed: o.seed, level: o.level, resample: "peers" },
      );
      context.push(
        `${earlier.values.note}: ${ctx.focal} ${f(b.value, 0)}, percentile ${f(b.percentile)} among ${b.n} peers, interval ${fi(b.interval)}`,
      );
    }
    return {
      ...base,
      verdict: "not testable",
      value: null,
      interval: null,
      intervalNote: "no value: a required measure has no data in the claim's period",
      finding: `Peers: ${peerText}. ${results.map(describe).join(". ")}. Not testable in ${results
        .map((x) => fmtRange(x.years))
        .filter((v, i, a) => a.indexOf(v) === i)
        .join(
          ", ",
        )}: ${requiredAbsent.map((x) => x.values.note).join("; ")}.${context.length ? ` For context only, the latest earlier year: ${context.join("; ")}.` : ""}`,
    };
  }
  const above = ok.filter((x) => x.base!.percentile! >= r.threshold).length;
  const point: Verdict =
    above === ok.length ? "supported" : above > 0 ? "partly supported" : "not supported";
  const fv = finalVerdict(point, {
    thresholds: ok.map((x) => ({
      value: x.base!.percentile,
      interval: x.base!.interval,
      threshold: r.threshold,
    })),
  });
  // The number: the primary (first) measure's percentile.
  const primary = ok[0];
  return {
    ...base,
    verdict: fv.verdict,
    ...(fv.verdict !== point ? { pointVerdict: point } : {}),
    value: primary.base!.percentile,
    interval: primary.base!.interval,
    intervalNote: `${ctx.focal}'s percentile among peers on ${primary.key}: ${o.level * 100} % interval, ${primary.base!.method}${ok.length > 1 ? `; other measures in the finding` : ""}`,
    finding: `Peers: ${peerText}. ${results.map(describe).join(". ")}.${ok.some((x) => straddles(x.base!.interval, r.threshold)) ? ` Inconclusive: ${fv.reasons.join("; ")}.` : ""}`,
  };
}

function keyOf(m: MeasureSpec): string {
  if (m.measure === "ideal-point-axis") return `ideal-point position ${m.axis.join("–")}`;
  if (m.measure === "issue-votes") return `UNGA votes: ${m.label}`;
  if (m.measure === "atlas") return m.key === "index" ? "Atlas index" : `Atlas ${m.key}`;
  return `capability peers: ${m.indicator}`;
}

async function measure(
  m: MeasureSpec,
  years: [number, number],
  ctx: ClaimContext,
  band: number,
): Promise<{ values: StateValues; extra: string; year?: number | null; draws?: number }> {
  if (m.measure === "atlas") {
    const v = await atlasValues(ctx.store, {
      key: m.key,
      focal: ctx.focal,
      from: years[0],
      to: years[1],
    });
    return { values: v, extra: "", year: v.year, draws: v.draws };
  }
  if (m.measure === "ideal-point-axis")
    return { values: await idealAxisPositions(ctx.store, m.axis, years[0], years[1]), extra: "" };
  if (m.measure === "issue-votes") {
    const v = await issueVotePositions(
      ctx.store,
      { match: m.match, dates: m.dates, against: m.against, from: years[0], to: years[1] },
      { draws: ctx.options.draws, seed: ctx.options.seed },
    );
    const n = v.counts.get(ctx.focal);
    const values = new Map([...v.values].filter(([k]) => (v.counts.get(k) ?? 0) >= m.minVotes));
    const few = [...v.values.keys()].filter((k) => !values.has(k));
    return {
      values: {
        ...v,
        values,
        note: `${v.note}${v.basis.length ? ` [${v.basis.join("; ")}]` : ""}; ${ctx.focal} voted on ${n ?? 0} of them${few.length ? `; states with fewer than ${m.minVotes} votes have no value (${few.length}${few.includes(ctx.focal) ? `, ${ctx.focal} among them` : ""})` : ""}`,
      },
      extra: n !== undefined ? ` (voted on ${n} of ${v.basis.length})` : "",
    };
  }
  const c = await capabilityPeers(ctx.store, {
    focal: ctx.focal,
    indicator: m.indicator,
    band,
    from: years[0],
    to: years[1],
  });
  return {
    values: {
      values: c.values,
      basis: c.year ? [String(c.year)] : [],
      note: c.note,
      source: c.source,
    },
    extra: "",
  };
}

/** A claims-file peer set by name, or else an Atlas peer group (data/peers/) by its id. */
async function peerSet(
  id: string,
  year: number,
  ctx: ClaimContext,
): Promise<{ name: string; members: string[]; how: string; source: string }> {
  if (ctx.peers[id]) return resolvePeerSet(id, ctx.peers[id], year, ctx);
  const data = loadPeerGroups();
  const [spec] = parsePeerSpecs(id, data);
  const g = await resolvePeerGroup(spec, year, { store: ctx.store, focal: ctx.focal, data });
  return {
    name: g.name,
    members: g.members,
    how: `${g.how}${g.unsourced ? `; ${g.unsourced.length} listed members left out: start not sourced` : ""}`,
    source: g.source,
  };
}
