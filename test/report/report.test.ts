import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { loadScenario } from "../../src/data/load-scenario.ts";
import type { Flow } from "../../src/model/flow.ts";
import { buildReport } from "../../src/report/build.ts";
import { flowSharesByYear } from "../../src/report/flow-shares.ts";
import { reportHtml } from "../../src/report/html.ts";
import { reportMarkdown } from "../../src/report/markdown.ts";

const BIN = new URL("../../bin/ana.js", import.meta.url).pathname;
const MINI = new URL("../data/scenarios/mini/", import.meta.url).pathname;
const DB = join(mkdtempSync(join(tmpdir(), "ana-report-db-")), "ana.duckdb");
/** `ana report …` with a temporary store (never the user's). */
const ana = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args, ...(args[0] === "report" ? ["--db", DB] : [])], {
    encoding: "utf8",
  });

const flow = (
  year: number,
  from: string,
  to: string,
  value: number,
  domain: Flow["domain"] = "arms",
): Flow => ({
  year,
  domain,
  from,
  to,
  value,
  unit: "TIV million",
  period: "full year",
  source: "test",
});

test("flowSharesByYear gives value / year total per partner, leaves years without records out, and follows the flow direction", () => {
  const flows = [
    flow(2020, "ISR", "AZE", 30),
    flow(2020, "RUS", "AZE", 10),
    flow(2022, "TUR", "AZE", 5),
    flow(2020, "AZE", "ITA", 7, "gas"),
    flow(2020, "AZE", "GEO", 3, "gas"),
  ];
  const arms = flowSharesByYear(flows, "AZE", "arms");
  assert.deepEqual(
    arms.map((y) => y.year),
    [2020, 2022],
  );
  assert.deepEqual(arms[0].shares, { ISR: 0.75, RUS: 0.25 });
  assert.equal(arms[0].total, 40);
  assert.deepEqual(arms[1].shares, { TUR: 1 });
  const gas = flowSharesByYear(flows, "AZE", "gas");
  assert.deepEqual(gas[0].shares, { ITA: 0.7, GEO: 0.3 });
  assert.throws(
    () =>
      flowSharesByYear(
        [flow(2020, "ISR", "AZE", 1), { ...flow(2020, "RUS", "AZE", 1), unit: "USD" }],
        "AZE",
        "arms",
      ),
    /mix units/,
  );
});

test("buildReport counts events per year and tone as a direct count of the scenario's events does", () => {
  const s = loadScenario(MINI);
  const r = buildReport(s, { focal: "AZE", from: 2011, to: 2025 });
  const direct = s.events.filter((e) => e.actors.includes("AZE"));
  assert.equal(r.events.length, direct.length);
  const coop = r.eventsByYear.reduce((a, d) => a + d.cooperation, 0);
  assert.equal(coop, direct.filter((e) => e.goldstein > 0).length);
  for (const e of direct)
    assert.ok(
      r.sources.some((x) => x.source === e.source),
      `source of ${e.id} listed`,
    );
});

test("the HTML report is self-contained: inline SVG charts, no script, nothing loaded from elsewhere", () => {
  const r = buildReport(loadScenario(MINI), { focal: "AZE", from: 2011, to: 2025 });
  const html = reportHtml(r);
  assert.match(html, /<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /\ssrc=/i, "nothing embedded by reference");
  assert.doesNotMatch(html, /<(img|link|iframe)[^>]+(src|href)="https?:/i);
  assert.match(html, /Scorecard/);
  assert.match(html, /Claims check/);
  assert.match(html, /rferl\.org/);
});

test("the Markdown report links its charts as SVG files", () => {
  const r = buildReport(loadScenario(MINI), { focal: "AZE", from: 2011, to: 2025 });
  const { markdown, files } = reportMarkdown(r, "rep-files");
  assert.match(markdown, /!\[events per year\]\(rep-files\/events\.svg\)/);
  assert.match(files["events.svg"], /^<(svg|figure)/);
});

test("ana report writes the HTML and Markdown forms and rejects bad usage with exit 2", () => {
  const dir = mkdtempSync(join(tmpdir(), "ana-report-"));
  const html = ana(
    "report",
    "AZE",
    "--scenario",
    MINI,
    "--from",
    "2011",
    "--to",
    "2012",
    "--out",
    join(dir, "r.html"),
    "--json",
  );
  assert.equal(html.status, 0, html.stderr);
  assert.equal(JSON.parse(html.stdout).events, 2);
  assert.ok("scorecard" in JSON.parse(html.stdout), "the summary says whether the scorecard is in");
  assert.match(
    readFileSync(join(dir, "r.html"), "utf8"),
    /<h1>Azerbaijan \(AZE\), 2011–2012<\/h1>/,
  );
  const md = ana("report", "AZE", "--scenario", MINI, "--out", join(dir, "r.md"), "--format", "md");
  assert.equal(md.status, 0, md.stderr);
  assert.ok(readdirSync(join(dir, "r-files")).includes("events.svg"));
  assert.equal(ana("report", "AZ1", "--out", join(dir, "x.html")).status, 2);
  assert.equal(
    ana("report", "AZE", "--scenario", MINI, "--out", join(dir, "x.html"), "--format", "pdf")
      .status,
    2,
  );
  assert.equal(ana("report", "AZE", "--scenario", MINI).status, 2);
  assert.equal(
    ana(
      "report",
      "AZE",
      "--scenario",
      MINI,
      "--from",
      "2020",
      "--to",
      "2012",
      "--out",
      join(dir, "x.html"),
    ).status,
    2,
  );
  const unknown = ana("report", "XYZ", "--scenario", MINI, "--out", join(dir, "x.html"));
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /XYZ is not an actor/);
});

test("both report forms show a scored cell with its 90 % interval, a partial cell as 'partial' (uncoloured) and a missing one as —", () => {
  const r = buildReport(loadScenario(MINI), { focal: "AZE", from: 2020, to: 2021 });
  const cellOf = (
    year: number,
    score: number | null,
    status: string,
    interval: [number, number] | null,
  ) => ({
    year,
    level: "neighbourhood",
    pillar: "balance",
    status,
    score,
    interval,
    coverage: score === null ? 0.5 : 1,
    inputs: [],
  });
  r.scorecard = {
    pillars: ["balance"],
    levels: ["neighbourhood"],
    formula: { cell: "test formula" },
    cells: [cellOf(2020, 36.4, "data", [31.2, 43.7]), cellOf(2021, null, "partial", null)],
    overall: [
      {
        year: 2020,
        level: "neighbourhood",
        status: "no data",
        score: null,
        interval: null,
        coverage: 0,
      },
      {
        year: 2021,
        level: "neighbourhood",
        status: "no data",
        score: null,
        interval: null,
        coverage: 0,
      },
    ],
  } as unknown as typeof r.scorecard;
  const { markdown } = reportMarkdown(r, "f");
  assert.match(markdown, /\| balance \| neighbourhood \| 36 \[31–44\] \| partial \|/);
  assert.match(markdown, /\| overall \| neighbourhood \| — \| — \|/);
  const html = reportHtml(r);
  assert.match(html, />36<small> \[31–44\]<\/small><\/td>/);
  assert.match(
    html,
    /<td class="missing" title="inputs only partly measured: not scored">partial<\/td>/,
  );
});
