import { writeFileSync } from "node:fs";
import type { ClaimsReport } from "../../claims/engine.ts";
import { defineOperation } from "../define.ts";
import { UsageError } from "../errors.ts";
import { p } from "../params.ts";

/** `{ scenario, focal, file, claims }`: no claims file → `claims: []` (TEAM.md interface 8). */
export type ClaimsResult = ClaimsReport;

/** The Markdown report of the last local run with `out` (printed unless written to a file). */
const markdown = new WeakMap<object, string>();

export const claims = defineOperation({
  name: "claims",
  summary: "check the seed's empirical claims against the data; writes docs/claims.md with --out",
  params: {
    out: p.string("write the Markdown report to this file", { arg: "<file>" }).local().optional(),
    scenario: p.scenario("scenario (default: azerbaijan)").optional(),
  },
  uses: { db: true },
  http: { method: "get", path: "/api/claims", tag: "measures", memo: true, worker: true },
  async run(ctx, q): Promise<ClaimsResult> {
    const { claimsReport, claimsMarkdown } = await import("../../claims/index.ts");
    const sc = ctx.scenario(q.scenario);
    if (!sc) throw new UsageError("no scenario: pass {scenario}");
    const result = await claimsReport(await ctx.store(), sc.scenario);
    if (ctx.surface === "local") {
      const md = claimsMarkdown(result);
      if (q.out !== undefined) writeFileSync(q.out, md);
      markdown.set(result, md);
    }
    return result;
  },
  print(result, q) {
    if (q.out !== undefined)
      process.stdout.write(`wrote ${q.out} (${result.claims.length} claims)\n`);
    else process.stdout.write(markdown.get(result) ?? "");
  },
});
