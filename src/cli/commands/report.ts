import type { Command } from "commander";
import { UsageError } from "../usage-error.ts";

interface Opts {
  from?: string;
  to?: string;
  out?: string;
  format: string;
  scenario?: string;
  db?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command("report")
    .description(
      "write a self-contained report (scorecard, SVG charts, claims check, sources) for a state",
    )
    .argument("<ISO3>", "focal state, e.g. AZE")
    .option("--from <year>", "first year (default: the scenario's)")
    .option("--to <year>", "last year (default: the scenario's)")
    .option("--out <file>", "output file (e.g. report.html or report.md)")
    .option("--format <fmt>", "html or md", "html")
    .option(
      "--scenario <name-or-dir>",
      "scenario (default: the shipped one whose focal state is ISO3)",
    )
    .option(
      "--db <path>",
      "store file (for the scorecard and the claims check; default: user data directory)",
    )
    .option("--json", "print a summary of what was written as JSON")
    .action(async (iso3: string, opts: Opts) => {
      const focal = iso3.toUpperCase();
      if (!/^[A-Z]{3}$/.test(focal))
        throw new UsageError(`<ISO3>: "${iso3}" is not an ISO3 code such as AZE`);
      if (opts.format !== "html" && opts.format !== "md")
        throw new UsageError(`--format must be html or md, not "${opts.format}"`);
      if (!opts.out) throw new UsageError("--out <file> is required (e.g. --out report.html)");
      const year = (v: string | undefined, name: string) => {
        if (v === undefined) return undefined;
        if (!/^\d{4}$/.test(v))
          throw new UsageError(`${name} must be a year such as 2020, not "${v}"`);
        return Number(v);
      };
      const from = year(opts.from, "--from");
      const to = year(opts.to, "--to");
      const { writeFileSync, mkdirSync } = await import("node:fs");
      const { basename, dirname, join, resolve } = await import("node:path");
      const { loadScenario } = await import("../../data/load-scenario.ts");
      const { builtinScenarios, resolveScenarioDir } = await import(
        "../../data/scenario-registry.ts"
      );
      let dir: string;
      if (opts.scenario) dir = resolveScenarioDir(opts.scenario);
      else {
        const match = builtinScenarios().find(
          (id) => loadScenario(resolveScenarioDir(id)).meta.focal === focal,
        );
        if (!match)
          throw new Error(
            `report: no shipped scenario has ${focal} as its focal state; make one with \`ana scenario init ${focal} <dir>\` and pass --scenario <dir>`,
          );
        dir = resolveScenarioDir(match);
      }
      const s = loadScenario(dir);
      if (!s.actors.some((a) => a.id === focal))
        throw new Error(`report: ${focal} is not an actor of scenario "${s.meta.id}" (${dir})`);
      const f = from ?? Number(s.meta.from.slice(0, 4));
      const t = to ?? Number(s.meta.to.slice(0, 4));
      if (f > t) throw new UsageError(`--from ${f} is after --to ${t}`);
      const { buildReport } = await import("../../report/build.ts");
      const data = buildReport(s, { focal, from: f, to: t });
      const { withStore } = await import("../context.ts");
      const { addMeasures } = await import("../../report/measures.ts");
      await withStore(opts, (store) => addMeasures(data, s, store));
      const out = resolve(opts.out);
      mkdirSync(dirname(out), { recursive: true });
      const written = [out];
      if (opts.format === "html") {
        const { reportHtml } = await import("../../report/html.ts");
        writeFileSync(out, reportHtml(data));
      } else {
        const { reportMarkdown } = await import("../../report/markdown.ts");
        const assets = `${basename(out).replace(/\.[^.]+$/, "")}-files`;
        const { markdown, files } = reportMarkdown(data, assets);
        writeFileSync(out, markdown);
        mkdirSync(join(dirname(out), assets), { recursive: true });
        for (const [name, svg] of Object.entries(files)) {
          writeFileSync(join(dirname(out), assets, name), svg);
          written.push(join(dirname(out), assets, name));
        }
      }
      const summary = {
        focal,
        scenario: s.meta.id,
        from: f,
        to: t,
        format: opts.format,
        files: written,
        events: data.events.length,
        sources: data.sources.length,
        scorecard: data.scorecard ? "included" : data.scorecardNote,
        claims: data.claims ? data.claims.length : data.claimsNote,
      };
      if (opts.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else
        process.stdout.write(
          `wrote ${written.join(", ")} (${data.events.length} events, ${data.sources.length} sources)\n`,
        );
    });
}
