import type { InitScenarioResult } from "../../data/init-scenario.ts";
import { defineOperation } from "../define.ts";
import { UsageError } from "../errors.ts";
import { p } from "../params.ts";

export const scenarioInit = defineOperation({
  name: "scenario init",
  summary:
    "write a starting scenario for a state from the reference panel: actors, levels by rule, default poles, rivalries, NATO memberships, SIPRI arms imports (refuses a non-empty dir)",
  params: {
    iso3: p.code("the focal state", "<iso3>"),
    dir: p.string("the folder to write", { arg: "<dir>" }).local(),
    year: p.year("reference year for levels and poles").default(2024),
    from: p.year("first year of the scenario").optional("year - 13"),
    to: p.year("last year of the scenario").optional("year + 1"),
    radius: p
      .number("capital-to-capital radius of the regional level, km", {
        positive: true,
        max: 20000,
        arg: "<km>",
      })
      .default(2500),
  },
  positionals: ["iso3", "dir"],
  uses: { db: ":memory:" },
  // Writes a folder on this machine: the command line and the library only.
  http: false,
  async run(ctx, q): Promise<InitScenarioResult> {
    if (ctx.surface !== "local") throw new UsageError("scenario folders are written only locally");
    if (!/^[A-Z]{3}$/.test(q.iso3))
      throw new UsageError(`"${q.iso3}" is not an ISO3 code (e.g. KAZ)`);
    const { initScenario } = await import("../../data/init-scenario.ts");
    return initScenario(await ctx.store(), q.iso3, q.dir, {
      year: q.year,
      from: q.from,
      to: q.to,
      regionalRadiusKm: q.radius,
    });
  },
  print(r) {
    process.stdout.write(`wrote ${r.dir} for ${r.focal} (reference year ${r.year})\n`);
    for (const [k, n] of Object.entries(r.counts)) process.stdout.write(`  ${k.padEnd(12)} ${n}\n`);
    process.stdout.write(`check it with: ana data check ${r.dir}\n`);
  },
});
