import type { Command } from "commander";
import { codeArg, withStore, yearOption } from "../context.ts";
import { printJson, printTable } from "../output.ts";
import { optionalScenario } from "../scenario-option.ts";
import { UsageError } from "../usage-error.ts";

const DOMAINS = ["arms", "gas", "trade-export", "trade-import", "fdi"];

export function register(program: Command): void {
  program
    .command("dependence <ISO3>")
    .description(
      "dependence concentration in one domain: HHI, normalised HHI, effective partners, entropy, top partner and share, by partner or pole",
    )
    .requiredOption("--domain <domain>", `one of ${DOMAINS.join(", ")}`)
    .option("--from <year>", "first year", "2011")
    .option("--to <year>", "last year", "2025")
    .option("--by <partner|pole>", "concentration across partners or across poles", "partner")
    .option("--window", "one row for the whole from–to window instead of one per year")
    .option(
      "--scenario <name|dir>",
      "scenario for flows and poles (default: azerbaijan when present)",
    )
    .option("--db <path>", "store file")
    .option("--json", "print JSON")
    .action(async (iso3: string, opts: Record<string, string | boolean | undefined>) => {
      const { dependence } = await import("../../measure/dependence.ts");
      const focal = codeArg(iso3);
      const domain = opts.domain as string;
      if (!DOMAINS.includes(domain))
        throw new UsageError(`--domain must be one of ${DOMAINS.join(", ")}, not "${domain}"`);
      const by = opts.by as string;
      if (by !== "partner" && by !== "pole")
        throw new UsageError(`--by must be partner or pole, not "${by}"`);
      const from = yearOption("from", opts.from as string)!;
      const to = yearOption("to", opts.to as string)!;
      if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
      const sc = optionalScenario(opts as { scenario?: string });
      if (by === "pole" && (!sc || sc.scenario.poles.length === 0))
        throw new UsageError(
          "--by pole needs a scenario with poles.csv (pass --scenario, or make one with `ana scenario init`)",
        );
      await withStore(opts as { db?: string }, async (store) => {
        const rows = await dependence(
          {
            focal,
            domain: domain as "arms",
            from,
            to,
            by: by as "partner",
            window: opts.window === true,
          },
          { store, scenario: sc?.scenario, flowLines: sc?.lines.flows },
        );
        if (opts.json)
          printJson({
            focal,
            domain,
            by,
            scenario: sc?.scenario.meta.id ?? null,
            rows,
          });
        else {
          printTable(
            rows.map((r) => ({
              ...r,
              shares: Object.entries(r.shares)
                .slice(0, 4)
                .map(([k, v]) => `${k} ${(v * 100).toFixed(1)}%`)
                .join(", "),
            })) as unknown as Record<string, unknown>[],
            [
              opts.window ? "from" : "year",
              ...(opts.window ? ["to"] : []),
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
          const sources = [...new Set(rows.flatMap((r) => r.sources))];
          for (const src of sources) process.stdout.write(`source: ${src}\n`);
        }
      });
    });
}
