import { defineOperation } from "../define.ts";
import { UsageError } from "../errors.ts";
import { p } from "../params.ts";
import { checkYearRange } from "../parse.ts";

export interface ReportSummary {
  focal: string;
  scenario: string;
  from: number;
  to: number;
  format: "html" | "md";
  files: string[];
  events: number;
  sources: number;
  scorecard: string | undefined;
  claims: number | string | undefined;
}

export const report = defineOperation({
  name: "report",
  summary:
    "write a self-contained report (scorecard, SVG charts, claims check, sources) for a state",
  params: {
    focal: p.code("focal state, e.g. AZE"),
    from: p.year("first year").optional("the scenario's"),
    to: p.year("last year").optional("the scenario's"),
    out: p.string("output file (e.g. report.html or report.md)", { arg: "<file>" }).local(),
    format: p.enum(["html", "md"], "html or md").default("html"),
    scenario: p
      .scenario("scenario (default: the shipped one whose focal state is ISO3)")
      .optional(),
  },
  positionals: ["focal"],
  uses: { db: true },
  // Writes files on this machine: the command line and the library only.
  http: false,
  async run(ctx, q): Promise<ReportSummary> {
    if (ctx.surface !== "local") throw new UsageError("reports are written only locally");
    if (!/^[A-Z]{3}$/.test(q.focal))
      throw new UsageError(`{focal}: "${q.focal}" is not an ISO3 code such as AZE`);
    checkYearRange(q);
    const { writeFileSync, mkdirSync } = await import("node:fs");
    const { basename, dirname, join, resolve } = await import("node:path");
    const { builtinScenarios } = await import("../../data/scenario-registry.ts");
    let id = q.scenario;
    if (id === undefined) {
      id = builtinScenarios().find((x) => ctx.scenario(x)?.scenario.meta.focal === q.focal);
      if (id === undefined)
        throw new Error(
          `report: no shipped scenario has ${q.focal} as its focal state; make one with \`ana scenario init ${q.focal} <dir>\` and pass --scenario <dir>`,
        );
    }
    const s = ctx.scenario(id)!.scenario;
    if (!s.actors.some((a) => a.id === q.focal))
      throw new Error(`report: ${q.focal} is not an actor of scenario "${s.meta.id}"`);
    const f = q.from ?? Number(s.meta.from.slice(0, 4));
    const t = q.to ?? Number(s.meta.to.slice(0, 4));
    checkYearRange({ from: f, to: t });
    const { buildReport } = await import("../../report/build.ts");
    const data = buildReport(s, { focal: q.focal, from: f, to: t });
    const { addMeasures } = await import("../../report/measures.ts");
    await addMeasures(data, s, await ctx.store());
    const out = resolve(q.out);
    mkdirSync(dirname(out), { recursive: true });
    const written = [out];
    if (q.format === "html") {
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
    return {
      focal: q.focal,
      scenario: s.meta.id,
      from: f,
      to: t,
      format: q.format,
      files: written,
      events: data.events.length,
      sources: data.sources.length,
      scorecard: data.scorecard ? "included" : data.scorecardNote,
      claims: data.claims ? data.claims.length : data.claimsNote,
    };
  },
  print(r) {
    process.stdout.write(
      `wrote ${r.files.join(", ")} (${r.events} events, ${r.sources} sources)\n`,
    );
  },
});
