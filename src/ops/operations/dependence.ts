import { printTable } from "../../cli/output.ts";
import type { DependenceRow } from "../../measure/dependence.ts";
import { DEFAULTS, defaultYears } from "../defaults.ts";
import { defineOperation } from "../define.ts";
import { UsageError } from "../errors.ts";
import { p } from "../params.ts";
import { checkYearRange } from "../parse.ts";

/**
 * The flow domains (measure/dependence.ts `DEPENDENCE_DOMAINS`, whose module loads zod; repeated
 * so that the command list loads without it — test/ops/registry.test.ts checks they are the same).
 */
export const DEPENDENCE_DOMAINS = ["arms", "gas", "trade-export", "trade-import", "fdi"] as const;

export interface DependenceResult {
  focal: string;
  domain: (typeof DEPENDENCE_DOMAINS)[number];
  by: "partner" | "pole";
  scenario: string | null;
  rows: DependenceRow[];
}

export const dependence = defineOperation({
  name: "dependence",
  summary:
    "dependence concentration in one domain: HHI, normalised HHI, effective partners, entropy, top partner and share, by partner or pole",
  params: {
    focal: p.code("the focal state"),
    domain: p.enum(DEPENDENCE_DOMAINS, "the flow domain"),
    from: p.year("first year").optional("the scenario's first year"),
    to: p.year("last year").optional("the scenario's last year"),
    by: p
      .enum(["partner", "pole"], "concentration across partners or across poles")
      .default("partner"),
    window: p.flag("one row for the whole from–to window instead of one per year"),
    scenario: p
      .scenario("scenario for flows and poles (default: azerbaijan when present)")
      .optional(),
  },
  positionals: ["focal"],
  uses: { db: true },
  http: { method: "get", path: "/api/dependence", tag: "measures", memo: true },
  async run(ctx, q): Promise<DependenceResult> {
    checkYearRange(q, DEFAULTS.maxYears);
    const { dependence } = await import("../../measure/dependence.ts");
    const sc = ctx.scenario(q.scenario);
    if (q.by === "pole" && (!sc || sc.scenario.poles.length === 0))
      throw new UsageError(
        "{by} pole needs a scenario with poles.csv (pass {scenario}, or make one with `ana scenario init`)",
      );
    const { from, to } = await defaultYears(ctx, q, {
      scenario: sc?.scenario,
      focal: q.focal,
      panel: q.domain === "arms" ? "ref_sipri" : undefined,
    });
    const rows = await dependence(
      { focal: q.focal, domain: q.domain, from, to, by: q.by, window: q.window },
      { store: await ctx.store(), scenario: sc?.scenario, flowLines: sc?.lines?.flows },
    );
    return {
      focal: q.focal,
      domain: q.domain,
      by: q.by,
      scenario: sc?.scenario.meta.id ?? null,
      rows,
    };
  },
  print({ rows }, q) {
    printTable(
      rows.map((r) => ({
        ...r,
        shares: Object.entries(r.shares)
          .slice(0, 4)
          .map(([k, v]) => `${k} ${(v * 100).toFixed(1)}%`)
          .join(", "),
      })) as unknown as Record<string, unknown>[],
      [
        q.window ? "from" : "year",
        ...(q.window ? ["to"] : []),
        "total",
        "unit",
        "nPartners",
        "hhi",
        "hhiNorm",
        "nEff",
        "entropy",
        "top",
        "topShare",
        "coverage",
        "shares",
      ],
    );
    for (const src of new Set(rows.flatMap((r) => r.sources)))
      process.stdout.write(`source: ${src}\n`);
  },
});
