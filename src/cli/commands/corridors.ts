import type { Command } from "commander";
import { codeArg, codesOption, yearOption } from "../context.ts";
import { printJson, printTable } from "../output.ts";
import { UsageError } from "../usage-error.ts";

interface Common {
  year?: string;
  weights?: string;
  network?: string;
  dir?: string;
  json?: boolean;
}

/** Parse `time=1,cost=1,risk=2` (missing keys stay at 1). */
export function parseWeights(v: string | undefined): { cost: number; time: number; risk: number } {
  const w = { cost: 1, time: 1, risk: 1 };
  if (v === undefined) return w;
  for (const part of v.split(",").filter(Boolean)) {
    const m = /^(time|cost|risk)=(\d+(\.\d+)?)$/.exec(part.trim());
    if (!m)
      throw new UsageError(
        `--weights: "${part}" is not key=value with key time, cost or risk and a number ≥ 0 (e.g. time=1,cost=1,risk=2)`,
      );
    w[m[1] as "time" | "cost" | "risk"] = Number(m[2]);
  }
  return w;
}

function networkOption(v: string | undefined): "transport" | "gas" | undefined {
  if (v === undefined) return undefined;
  if (v !== "transport" && v !== "gas")
    throw new UsageError(`--network must be transport or gas, not "${v}"`);
  return v;
}

async function load(dir?: string, year?: number) {
  const { loadNetwork, EURASIA_DIR } = await import("../../corridor/load-network.ts");
  const { networkSpan } = await import("../../corridor/leverage.ts");
  const net = loadNetwork(dir ?? EURASIA_DIR);
  const [lo, hi] = networkSpan(net);
  if (year !== undefined && (year < lo || year > hi))
    throw new UsageError(`--year ${year} is outside the years the network covers (${lo}–${hi})`);
  return net;
}

const round = (x: number | null | undefined, d = 0) =>
  x === null || x === undefined ? null : Number(x.toFixed(d));

export function register(program: Command): void {
  const cmd = program
    .command("corridors")
    .description(
      "Eurasian transport and gas corridors: compare routes, close them, measure leverage",
    );

  cmd
    .command("compare")
    .description("routes between two countries in a year, best (lowest generalised cost) first")
    .requiredOption("--from <ISO3>", "origin country, e.g. CHN")
    .requiredOption("--to <ISO3>", "destination country, e.g. DEU")
    .option("--year <YYYY>", "year (default 2025)")
    .option("--weights <w>", "generalised-cost weights, e.g. time=1,cost=1,risk=1")
    .option("--planned", "also list routes not operating that year (planned, not yet open)")
    .option("--dir <folder>", "network folder (default: the shipped Eurasian network)")
    .option("--json", "print JSON")
    .action(async (o: Common & { from: string; to: string; planned?: boolean }) => {
      const year = yearOption("year", o.year) ?? 2025;
      const weights = parseWeights(o.weights);
      const from = codeArg(o.from);
      const to = codeArg(o.to);
      const net = await load(o.dir, year);
      const { compareRoutes, odPairs } = await import("../../corridor/compare.ts");
      const routes = compareRoutes(net, { from, to, year, weights, includePlanned: o.planned });
      if (routes.length === 0 && !net.routes.some((r) => r.origin === from && r.destination === to))
        throw new UsageError(
          `no routes from ${from} to ${to} in the network; pairs it has: ${odPairs(net).join(", ")}`,
        );
      if (o.json) printJson({ from, to, year, weights, routes });
      else
        printTable(
          routes.map((r) => ({
            route: r.name,
            countries: r.countries.join("-"),
            days: r.timeDays ? `${r.timeDays[0]}–${r.timeDays[1]}` : null,
            "USD/FEU": round(r.costUsd),
            capacity: r.capacity,
            risk: round(r.risk, 3),
            "GC USD/FEU": round(r.generalizedCost),
            status: r.status,
          })),
        );
    });

  cmd
    .command("disrupt")
    .description("close countries, passages, links or routes and reassign flows under capacities")
    .requiredOption(
      "--close <codes>",
      "comma-separated: ISO3, passage (SUEZ, BAB, CAPE), link or route id",
    )
    .option("--year <YYYY>", "year (default 2025)")
    .option("--baseline <YYYY>", "year of the open network compared against (default: --year)")
    .option("--network <kind>", "transport (default) or gas")
    .option("--weights <w>", "generalised-cost weights, e.g. time=1,cost=1,risk=1")
    .option(
      "--unknown-capacity <rule>",
      "links of unknown capacity: unconstrained (default, flagged) or zero (conservative)",
    )
    .option("--dir <folder>", "network folder (default: the shipped Eurasian network)")
    .option("--json", "print JSON")
    .action(async (o: Common & { close: string; baseline?: string; unknownCapacity?: string }) => {
      if (o.unknownCapacity !== undefined && !["unconstrained", "zero"].includes(o.unknownCapacity))
        throw new UsageError(
          `--unknown-capacity must be unconstrained or zero, not "${o.unknownCapacity}"`,
        );
      const unknownCapacity = o.unknownCapacity as "unconstrained" | "zero" | undefined;
      const year = yearOption("year", o.year) ?? 2025;
      const baselineYear = yearOption("baseline", o.baseline);
      const close = codesOption(o.close) ?? [];
      if (close.length === 0) throw new UsageError("--close needs at least one code");
      const weights = parseWeights(o.weights);
      const network = networkOption(o.network);
      const net = await load(o.dir, year);
      if (baselineYear !== undefined) await load(o.dir, baselineYear);
      const { disrupt, closableCodes } = await import("../../corridor/disrupt.ts");
      const known = closableCodes(net);
      for (const c of close)
        if (!known.has(c))
          throw new UsageError(
            `--close: "${c}" is not a country, passage, node, link or route of the network (e.g. RUS, IRN, SUEZ, BAB, CASPIAN, NORTH)`,
          );
      const d = await disrupt(net, {
        close,
        year,
        baselineYear,
        network,
        weights,
        unknownCapacity,
      });
      if (o.json) printJson(d);
      else {
        process.stdout.write(
          `${d.network} ${d.year}${d.baselineYear !== d.year ? ` against ${d.baselineYear}` : ""}, closed ${d.closed.join(", ")}: cost +${round(d.costIncrease)} ${d.costIncreaseUnit}` +
            (d.costIncreasePerUnit !== null ? ` (+${round(d.costIncreasePerUnit)} USD/FEU)` : "") +
            (d.timeIncreaseDays !== null ? `, time +${round(d.timeIncreaseDays, 1)} days` : "") +
            "\n\n",
        );
        printTable(
          d.shifts.map((s) => ({
            route: s.name,
            before: round(s.before, 2),
            after: round(s.after, 2),
            change: round(s.change, 2),
            unit: s.unit,
          })),
        );
        for (const w of d.warnings) process.stdout.write(`\nwarning: ${w}`);
        if (d.warnings.length > 0) process.stdout.write("\n");
        if (d.binding.length > 0) {
          process.stdout.write("\nbinding capacities after:\n");
          printTable(d.binding.map((b) => ({ link: b.name, capacity: b.capacity, unit: b.unit })));
        }
      }
    });

  cmd
    .command("leverage")
    .description(
      "a country's corridor leverage by year: route betweenness, bypass cost, Shapley value",
    )
    .argument("<ISO3>", "country, e.g. AZE")
    .option("--year <YYYY>", "one year (default: every year the network covers)")
    .option("--network <kind>", "transport or gas (default both)")
    .option("--weights <w>", "generalised-cost weights, e.g. time=1,cost=1,risk=1")
    .option("--dir <folder>", "network folder (default: the shipped Eurasian network)")
    .option("--json", "print JSON")
    .action(async (iso: string, o: Common) => {
      const iso3 = codeArg(iso);
      const year = yearOption("year", o.year);
      const weights = parseWeights(o.weights);
      const network = networkOption(o.network);
      const net = await load(o.dir, year);
      const { corridorLeverage } = await import("../../corridor/corridor-leverage.ts");
      const r = await corridorLeverage(iso3, year, {
        network: net,
        weights,
        networks: network ? [network] : undefined,
      });
      if (o.json) printJson(r);
      else {
        printTable(
          r.rows.map((x) => ({
            year: x.year,
            network: x.network,
            routeBetweenness: round(x.routeBetweenness, 3),
            bypassCost: round(x.bypassCost, 2),
            shapley: round(x.shapley, 2),
            shapleyShare: round(x.shapleyShare, 3),
            unit: x.costUnit,
          })),
        );
        for (const c of r.coverage)
          if (c.missingYears.length > 0 || !c.onNetwork)
            process.stdout.write(
              `${c.network}: ${c.onNetwork ? `no data for ${c.missingYears.join(", ")}` : `${iso3} is not on this network`}\n`,
            );
      }
    });

  cmd
    .command("check")
    .description("validate a network folder (file:line: field: problem)")
    .option("--dir <folder>", "network folder (default: the shipped Eurasian network)")
    .option("--json", "print JSON")
    .action(async (o: { dir?: string; json?: boolean }) => {
      const { readNetwork, EURASIA_DIR } = await import("../../corridor/load-network.ts");
      const { formatProblem, ValidationError } = await import("../../data/problem.ts");
      const r = readNetwork(o.dir ?? EURASIA_DIR);
      if (o.json) printJson({ ok: r.problems.length === 0, problems: r.problems });
      else if (r.problems.length === 0) process.stdout.write("ok\n");
      else process.stdout.write(`${r.problems.map(formatProblem).join("\n")}\n`);
      if (r.problems.length > 0 && !o.json) throw new ValidationError(r.problems);
    });
}
