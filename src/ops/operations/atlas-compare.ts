import type { ResolvedPeerGroup } from "../../atlas/peers.ts";
import type { AtlasCompareResult } from "../../atlas/peers-compare.ts";
import { printTable } from "../../cli/output.ts";
import { defineOperation } from "../define.ts";
import { UsageError } from "../errors.ts";
import { p } from "../params.ts";
import { checkYearRange } from "../parse.ts";

export type { AtlasCompareResult } from "../../atlas/peers-compare.ts";

export const atlasCompare = defineOperation({
  name: "atlas compare",
  summary:
    "a state's percentile among its peers (organisation members, a region, a CINC band or a list) on the Atlas index and each component, per year, with intervals",
  params: {
    focal: p.code("the focal state"),
    peers: p.string(
      "peer groups: NONALIGNED (NAM), OTS, NATO, CSTO, EU, SCO, BRICS, GUAM, REGION:<AMERICAS|LATAM|EUROPE|AFRICA|MIDEAST|ASIA|EASTASIA|OCEANIA|POSTSOVIET>, CINC[:factor], custom:ISO3,ISO3,...",
      { max: 2000, arg: "<groups>", pattern: /^[A-Za-z0-9_,:+.]+$/ },
    ),
    year: p.year("one year (same as --from Y --to Y)").optional(),
    from: p.year("first year").optional("1992"),
    to: p.year("last year").optional("2024"),
    poles: p
      .string(
        "poles and their member states: POLE=ISO3,...;POLE=... (default WEST=USA;RUS=RUS;CHN=CHN)",
        { max: 2000, arg: "<poles>", pattern: /^[A-Za-z0-9_,;= -]+$/ },
      )
      .optional(),
    weights: p
      .weights("component weights of the index (as for ana atlas)", "<component=w,...>")
      .optional(),
    evenness: p
      .enum(
        ["spread", "coengagement"] as const,
        "per-component score: spread evenness 1 − Σ|x_P − x_Q|/(⌊K/2⌋⌈K/2⌉), which scores equal disengagement as even (the default; as for ana atlas), or co-engagement Σmin/Σmax over pairs of poles (scale invariant; missing when every engagement is 0)",
      )
      .default("spread"),
    draws: p
      .number("resampling draws behind every interval (the draws of every state-year are kept)", {
        int: true,
        min: 1,
        max: 1000,
      })
      .default(200),
    union: p.flag("also compare with the union of the groups (as relative claims do)"),
    minPeers: p
      .number("fewest peers with a value for a percentile", { int: true, min: 2, max: 200 })
      .default(5),
    seed: p.number("seed of the draws", { int: true, min: 0, max: 2 ** 32 - 1 }).default(1),
    level: p.number("interval level", { min: 0.5, max: 0.999 }).default(0.9),
  },
  positionals: ["focal"],
  uses: { db: ":memory:" },
  http: { method: "get", path: "/api/atlas/compare", tag: "measures", memo: true, worker: true },
  async run(ctx, q): Promise<AtlasCompareResult> {
    if (q.year !== undefined && (q.from !== undefined || q.to !== undefined))
      throw new UsageError("pass either {year} or {from}/{to}, not both");
    const from = q.year ?? q.from ?? 1992;
    const to = q.year ?? q.to ?? Math.max(2024, from);
    checkYearRange({ from, to });
    // Every state-year's draws are held for the paired intervals: bound draws × years on the server.
    const cap = ctx.surface === "server" ? 10_000 : 40_000;
    if (q.draws * (to - from + 1) > cap)
      throw new UsageError(
        `{draws} × years must be at most ${cap}${ctx.surface === "server" ? " on the server" : ""} (the draws of every state-year are kept for the paired intervals): ${q.draws} × ${to - from + 1}`,
      );
    if (from < 1946) throw new UsageError("{from} must be 1946 or later (UN votes start in 1946)");
    const { loadPeerGroups, parsePeerSpecs, resolvePeerGroup } = await import(
      "../../atlas/peers.ts"
    );
    const data = loadPeerGroups();
    let specs: ReturnType<typeof parsePeerSpecs>;
    try {
      specs = parsePeerSpecs(q.peers, data);
    } catch (e) {
      throw new UsageError(`{peers}: ${(e as Error).message}`);
    }
    const store = await ctx.store();
    const groups: ResolvedPeerGroup[] = [];
    for (const spec of specs)
      for (let y = from; y <= to; y++) {
        try {
          groups.push(await resolvePeerGroup(spec, y, { store, focal: q.focal, data }));
        } catch (e) {
          const m = (e as Error).message;
          if (/not a state code/.test(m)) throw new UsageError(`{peers}: ${m}`);
          throw e;
        }
      }
    if (q.union && specs.length > 1)
      for (let y = from; y <= to; y++) {
        const parts = groups.filter((g) => g.year === y);
        groups.push({
          id: parts.map((g) => g.id).join("|"),
          name: `any of: ${parts.map((g) => g.name).join("; ")}`,
          year: y,
          members: [...new Set(parts.flatMap((g) => g.members))].sort(),
          how: `union of ${parts.map((g) => g.id).join(", ")}`,
          source: [...new Set(parts.map((g) => g.source))].join("; "),
          ...(parts.some((g) => g.unsourced)
            ? { unsourced: [...new Set(parts.flatMap((g) => g.unsourced ?? []))].sort() }
            : {}),
        });
      }
    const { atlas: runAtlas } = await import("../../atlas/atlas.ts");
    const { atlasCompare } = await import("../../atlas/peers-compare.ts");
    const { parsePoles } = await import("../../atlas/poles.ts");
    let poles: Record<string, string[]> | undefined;
    try {
      poles = q.poles !== undefined ? parsePoles(q.poles) : undefined;
    } catch (e) {
      throw new UsageError(`{poles}: ${(e as Error).message.replace(/^poles: /, "")}`);
    }
    let atlas: Awaited<ReturnType<typeof runAtlas>>;
    try {
      atlas = await runAtlas(store, {
        keepDraws: true,
        from,
        to,
        poles,
        weights: q.weights,
        evenness: q.evenness,
        draws: q.draws,
        seed: q.seed,
        level: q.level,
      });
    } catch (e) {
      const m = (e as Error).message;
      if (/^atlas: (weights|poles|level|minCoverage|draws|seed|from|to)\b/.test(m))
        throw new UsageError(m.replace(/^atlas: /, ""));
      throw e;
    }
    if (!atlas.rows.some((r) => r.iso3 === q.focal))
      throw new UsageError(
        `{focal}: ${q.focal} is not a state of the Atlas in ${from}–${to} (UN member states)`,
      );
    return atlasCompare(
      atlas,
      { focal: q.focal, groups },
      {
        seed: q.seed,
        level: q.level,
        minPeers: q.minPeers,
      },
    );
  },
  print(result) {
    const f = (v: number | null) => (v === null ? null : v.toFixed(2));
    const ids = [...new Set(result.peerGroups.map((g) => g.id))];
    for (const id of ids) {
      const spells = result.peerGroups.filter((g) => g.id === id);
      const yrs = (g: (typeof spells)[number]) =>
        g.years[0] === g.years[1] ? `${g.years[0]}` : `${g.years[0]}–${g.years[1]}`;
      process.stdout.write(
        `${id}: ${spells[0].name}; ${spells.map((g) => `${yrs(g)} ${g.members.length}`).join(", ")} members${spells.some((g) => g.unsourced) ? ` (some years leave out members whose start is not sourced)` : ""}. ${spells.at(-1)!.how}. Source: ${spells.at(-1)!.source}\n`,
      );
    }
    printTable(
      result.rows
        .filter((r) => r.n > 0 && (r.measure === "index" || r.value !== null))
        .map((r) => ({
          group: r.peerGroup,
          year: r.year,
          measure: r.measure,
          [result.focal]: r.value === null ? null : r.value.toFixed(3),
          percentile: f(r.percentile),
          [`${Math.round(result.level * 100)}% interval`]: r.interval
            ? `${f(r.interval[0])}–${f(r.interval[1])}`
            : null,
          n: r.n,
          missing: r.missing,
          "peers' median": r.peerMedian === null ? null : r.peerMedian.toFixed(3),
        })),
      undefined,
      200,
    );
    process.stdout.write(`${result.method}\n`);
  },
});
