import type { AtlasResult } from "../../atlas/types.ts";
import { printTable } from "../../cli/output.ts";
import { defineOperation } from "../define.ts";
import { UsageError } from "../errors.ts";
import { p } from "../params.ts";
import { checkYearRange } from "../parse.ts";

export type { AtlasResult } from "../../atlas/types.ts";

export const atlas = defineOperation({
  name: "atlas",
  summary:
    "the Atlas of multi-alignment: every UN member state-year's evenness of engagement with rival poles (UN votes, alliances, IGOs, ideal points, arms) and a composite hedging index, with seeded intervals and ranks",
  params: {
    year: p.year("one year (same as --from Y --to Y)").optional(),
    from: p.year("first year").optional("1992"),
    to: p.year("last year").optional("2024"),
    poles: p
      .string(
        "poles and their member states: POLE=ISO3,...;POLE=... (default WEST=USA;RUS=RUS;CHN=CHN)",
        {
          max: 2000,
          arg: "<poles>",
          pattern: /^[A-Za-z0-9_,;= -]+$/,
        },
      )
      .optional(),
    weights: p
      .weights(
        "component weights of the index: unvotes, alliances, igo, idealpoints, arms, trade; replaces the default (unvotes=0.6,alliances=0.25,igo=0.15, each only when its source covers every requested year)",
        "<component=w,...>",
      )
      .optional(),
    states: p
      .codes("return only these states' rows (ranks stay among all states)", { max: 250 })
      .optional(),
    voteMeasure: p
      .enum(
        ["alignmentIndex", "agreement"] as const,
        "UN-vote engagement: the Benati–Capurri alignment index floored at 0 (agreement beyond chance) or Lijphart's raw agreement",
      )
      .default("alignmentIndex"),
    evenness: p
      .enum(
        ["spread", "coengagement"] as const,
        "per-component score: spread evenness 1 − Σ|x_P − x_Q|/(⌊K/2⌋⌈K/2⌉), which scores equal disengagement as even (the default), or co-engagement Σmin/Σmax over pairs of poles (scale invariant; missing when every engagement is 0)",
      )
      .default("spread"),
    minCoverage: p
      .number(
        "least share of the index weight with data for an index (below: null); 1 = every weighted component, the same inputs in every row",
        { min: 0.01, max: 1 },
      )
      .default(1),
    draws: p
      .number("resampling draws behind every interval (0: none)", { int: true, min: 0, max: 2000 })
      .default(200),
    seed: p.number("seed of the draws", { int: true, min: 0, max: 2 ** 32 - 1 }).default(1),
    level: p.number("interval level", { min: 0.5, max: 0.999 }).default(0.9),
  },
  uses: { db: ":memory:" },
  http: { method: "get", path: "/api/atlas", tag: "measures", memo: true, worker: true },
  async run(ctx, q): Promise<AtlasResult> {
    checkYearRange(q);
    if (q.year !== undefined && (q.from !== undefined || q.to !== undefined))
      throw new UsageError("pass either {year} or {from}/{to}, not both");
    const from = q.year ?? q.from ?? 1992;
    const to = q.year ?? q.to ?? Math.max(2024, from);
    checkYearRange({ from, to });
    if (from < 1946) throw new UsageError("{from} must be 1946 or later (UN votes start in 1946)");
    const { atlas } = await import("../../atlas/atlas.ts");
    const { parsePoles } = await import("../../atlas/poles.ts");
    let poles: Record<string, string[]> | undefined;
    try {
      poles = q.poles !== undefined ? parsePoles(q.poles) : undefined;
    } catch (e) {
      throw new UsageError(`{poles}: ${(e as Error).message.replace(/^poles: /, "")}`);
    }
    const options = {
      from,
      to,
      poles,
      weights: q.weights,
      minCoverage: q.minCoverage,
      voteMeasure: q.voteMeasure,
      evenness: q.evenness,
      draws: q.draws,
      seed: q.seed,
      level: q.level,
      states: q.states,
    };
    try {
      const compute = async () => atlas(await ctx.store(), options);
      // Local calls keep answers on disk (src/atlas/cache.ts); the server memoises its own.
      if (ctx.surface === "local") {
        const { cachedAtlas } = await import("../../atlas/cache.ts");
        return await cachedAtlas(options, compute);
      }
      return await compute();
    } catch (e) {
      const m = (e as Error).message;
      if (/^atlas: (weights|poles|level|minCoverage|draws|seed|from|to|states)\b/.test(m))
        throw new UsageError(m.replace(/^atlas: (\w+)/, "{$1}"));
      throw e;
    }
  },
  print(result, q) {
    const withIndex = result.rows.filter((r) => r.index !== null);
    const year = withIndex.length > 0 ? Math.max(...withIndex.map((r) => r.year)) : result.to;
    // Named states: their whole series; otherwise the ranking of the last year with an index.
    const series = (q.states?.length ?? 0) > 0;
    const f = (v: number | null | undefined) =>
      v === null || v === undefined ? null : v.toFixed(3);
    const iv = (v: [number, number] | null) => (v ? `${v[0].toFixed(3)}–${v[1].toFixed(3)}` : null);
    const rows = series
      ? result.rows
      : result.rows
          .filter((r) => r.year === year)
          .sort(
            (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.iso3.localeCompare(b.iso3),
          );
    const keys = result.components.filter((c) => c.weight > 0).map((c) => c.key);
    printTable(
      rows.map((r) => ({
        ...(series ? { year: r.year } : {}),
        rank: r.rank,
        "rank 90%": r.rankInterval ? `${r.rankInterval[0]}–${r.rankInterval[1]}` : null,
        state: r.iso3,
        name: r.name,
        index: f(r.index),
        [`${Math.round(result.level * 100)}% interval`]: iv(r.interval),
        coverage: r.coverage.toFixed(2),
        status: r.status,
        ...Object.fromEntries(keys.map((k) => [k, f(r.components[k]?.value)])),
      })),
      undefined,
      40,
    );
    if (series) {
      process.stdout.write(`${result.formula}\n`);
      return;
    }
    const later = year + 1 === result.to ? `${result.to}` : `${year + 1}–${result.to}`;
    const skipped = result.to > year ? ` (${later}: no state has an index)` : "";
    process.stdout.write(
      `Atlas ${year}${skipped}: ${rows.filter((r) => r.index !== null).length} of ${rows.length} states with an index; poles ${Object.entries(
        result.poles,
      )
        .map(([k, v]) => `${k}=${v.join(",")}`)
        .join("; ")}\n${result.formula}\n`,
    );
  },
});
