// The dashboard's views in Debian's Chromium: the scorecard grid's keyboard pattern and its honesty
// rule on the live server; the TEAM-shaped answers (fixtures) drawn as hatched cells, whiskers, a
// comparison and verdict badges; loading states; dyad charts; job polling that stops on leaving.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import {
  apiJson,
  buildWeb,
  keepLocal,
  launch,
  openPage,
  type Server,
  startServer,
} from "./harness.ts";

let server: Server;
let browser: Awaited<ReturnType<typeof launch>>;
let context: BrowserContext;

const fixture = (name: string) =>
  readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8");

before(async () => {
  buildWeb();
  server = await startServer([], { waitForWarmUp: true });
  browser = await launch();
  context = browser.context;
  // Nothing leaves the machine.
  await keepLocal(context);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const api = <T>(path: string): Promise<T> => apiJson<T>(server, path);

const open = (path: string, setup?: (page: Page) => Promise<void>) =>
  openPage(context, server.url + path, { setup });

/** The focused element's grid coordinates, or null when the focus is not on a grid cell. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (el?.getAttribute("role") !== "gridcell") return null;
    return {
      year: el.dataset.year,
      pillar: el.dataset.pillar,
      level: el.dataset.level,
    };
  });

test("the scorecard grid is one tab stop: Tab enters it, arrows move, Enter opens a cell, Tab leaves", async () => {
  const { page, errors } = await open("/overview?from=2018&to=2021");
  const cells = page.locator("table.scorecard td[role=gridcell]");
  const n = await cells.count();
  assert.ok(n >= 12, `grid cells: ${n}`);
  assert.equal(await page.locator('table.scorecard [tabindex="0"]').count(), 1);
  // Tab from the last control before the grid lands on the grid's one tab stop.
  await page.focus("#ctl-to");
  let stop = null;
  for (let i = 0; i < 5 && !stop; i++) {
    await page.keyboard.press("Tab");
    stop = await focused(page);
  }
  assert.deepEqual(stop, { year: "2018", pillar: "balance", level: "neighbourhood" });
  await page.keyboard.press("ArrowRight");
  assert.deepEqual(await focused(page), {
    year: "2019",
    pillar: "balance",
    level: "neighbourhood",
  });
  await page.keyboard.press("ArrowDown");
  assert.deepEqual(await focused(page), { year: "2019", pillar: "balance", level: "regional" });
  await page.keyboard.press("End");
  assert.deepEqual(await focused(page), { year: "2021", pillar: "balance", level: "regional" });
  await page.keyboard.press("Enter");
  assert.match(
    (await page.locator(".cell-detail h3").textContent()) ?? "",
    /balance · regional · 2021/,
  );
  // Still one tab stop, now on the cell last visited; Tab leaves the grid.
  assert.equal(await page.locator('table.scorecard [tabindex="0"]').count(), 1);
  await page.keyboard.press("Tab");
  assert.equal(await focused(page), null);
  await page.keyboard.press("Shift+Tab");
  assert.deepEqual(await focused(page), { year: "2021", pillar: "balance", level: "regional" });
  assert.deepEqual(errors, []);
  await page.close();
});

test("on the live server, a scorecard cell is coloured only when the API says status 'data' with a score", async () => {
  const card = await api<{
    cells: { year: number; level: string; pillar: string; status?: string; score: number | null }[];
    overall: { year: number; level: string; status?: string; score: number | null }[];
  }>("/api/scorecard?scenario=azerbaijan&focal=AZE&from=2018&to=2021");
  const { page, errors } = await open("/overview?from=2018&to=2021");
  const drawn = await page.$$eval("table.scorecard td[role=gridcell]", (tds) =>
    tds.map((td) => ({
      key: `${(td as HTMLElement).dataset.pillar}|${(td as HTMLElement).dataset.level}|${(td as HTMLElement).dataset.year}`,
      coloured: /background/.test(td.getAttribute("style") ?? ""),
      text: td.querySelector("[aria-hidden]")?.textContent ?? "",
    })),
  );
  const byKey = new Map(drawn.map((d) => [d.key, d]));
  const all = [...card.cells, ...card.overall.map((o) => ({ ...o, pillar: "overall" }))];
  assert.equal(drawn.length, all.length);
  for (const c of all) {
    const d = byKey.get(`${c.pillar}|${c.level}|${c.year}`);
    assert.ok(d, `${c.pillar} ${c.level} ${c.year} drawn`);
    const measured = c.status === "data" && typeof c.score === "number";
    assert.equal(d.coloured, measured, `${c.pillar} ${c.level} ${c.year} status ${c.status}`);
    if (!measured) assert.doesNotMatch(d.text, /\d/);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

/** Serve the TEAM-shaped fixtures in place of the scorecard and claims answers. */
async function withFixtures(page: Page): Promise<void> {
  await page.route("**/api/scorecard?*", (route) =>
    route.fulfill({
      status: 200,
      contentType: "application/json",
      body: fixture("scorecard-team.json"),
    }),
  );
  await page.route("**/api/claims?*", (route) =>
    route.fulfill({
      status: 200,
      contentType: "application/json",
      body: fixture("claims-team.json"),
    }),
  );
}

test("with TEAM-shaped answers, the Overview hatches unmeasured cells, draws whiskers, answers the comparison and badges the claims", async () => {
  const card = JSON.parse(fixture("scorecard-team.json"));
  const { page, errors } = await open("/overview?from=2019&to=2022", withFixtures);
  // Cells: exactly the fixture's "data" cells are coloured.
  const coloured = await page.$$eval(
    "table.scorecard td[role=gridcell]",
    (tds) => tds.filter((td) => /background/.test(td.getAttribute("style") ?? "")).length,
  );
  const data = [...card.cells, ...card.overall].filter(
    (c: { status: string; score: number | null }) => c.status === "data" && c.score !== null,
  ).length;
  assert.equal(coloured, data);
  assert.equal(
    await page.locator('table.scorecard td[data-status="partial"].missing-cell').count(),
    [...card.cells].filter((c: { status: string }) => c.status === "partial").length,
  );
  // Whiskers: one per measured cell with an interval.
  const withInterval = [...card.cells, ...card.overall].filter(
    (c: { status: string; interval: unknown }) => c.status === "data" && Array.isArray(c.interval),
  ).length;
  assert.equal(
    await page.locator("figure.score-chart svg.interval-chart g.whisker").count(),
    withInterval,
  );
  // The detail of a partial cell shows its inputs' status and keeps the raw figure out.
  await page.click('td[data-pillar="autonomy"][data-level="neighbourhood"][data-year="2021"]');
  const detail = (await page.locator(".cell-detail").textContent()) ?? "";
  assert.match(detail, /not scored: partial data/);
  assert.match(detail, /EUROPE aggregate only/);
  // The comparison: a measured answer with its interval, and "not measurable: X and Y".
  const cmp = (await page.locator(".comparison").textContent()) ?? "";
  assert.match(cmp, /change −5\.0 \(interval −9\.0 to −1\.0\)/);
  assert.match(
    cmp,
    /not measurable: leverage\.exportReach \(ends in 2020\) and leverage\.mediation \(not curated before 2025\)/,
  );
  // Claims: the five verdict badges, each with its interval text.
  const badges = await page.locator("ol.claims .verdict-badge").allTextContents();
  assert.deepEqual(badges, [
    "supported",
    "partly supported",
    "not supported",
    "inconclusive",
    "not testable",
  ]);
  assert.equal(await page.locator("ol.claims .claim-interval").count(), 5);
  await page.screenshot({
    path: new URL("../../test-results/screenshots/overview-fixture.png", import.meta.url).pathname,
    fullPage: true,
  });
  assert.deepEqual(errors, []);
  await page.close();
});

test("the claims are not shown when the focal state is not the scenario's focal state", async () => {
  const { page, errors } = await open("/overview?focal=ARM&from=2019&to=2022", withFixtures);
  assert.equal(await page.locator("ol.claims").count(), 0);
  assert.match(
    (await page.locator(".page-overview").textContent()) ?? "",
    /shown only when Azerbaijan is the focal state/,
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test("while the scorecard is computed, the Overview shows what it waits for and for how long", async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const page = await context.newPage();
  await page.route("**/api/scorecard?*", async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(`${server.url}/overview?from=2019&to=2020`);
  const pending = page.locator(".pending", { hasText: "Computing the scorecard" });
  await pending.waitFor({ timeout: 30_000 });
  assert.equal(await pending.locator("progress").count(), 1);
  await page.waitForFunction(
    () =>
      /Computing the scorecard… [1-9]\d* s/.test(
        document.querySelector(".pending")?.textContent ?? "",
      ),
    undefined,
    { timeout: 10_000 },
  );
  release();
  await page.waitForSelector("body[data-ready]", { timeout: 90_000 });
  assert.equal(await page.locator(".pending").count(), 0);
  assert.ok((await page.locator("table.scorecard").count()) === 1);
  await page.close();
});

test("leaving the Lab stops polling its running job (and cancels it)", async () => {
  const { page, errors } = await open("/lab");
  const polls: string[] = [];
  page.on("request", (r) => {
    if (/\/api\/jobs\/[0-9a-f-]+/.test(new URL(r.url()).pathname)) polls.push(r.url());
  });
  const tool = page.locator(".tool-doctrine");
  // 2,000 runs × 50 years: the server's bound on runs × years (100,000), long enough to be running.
  await tool.locator("#dc-runs").fill("2000");
  await tool.locator("#dc-years").fill("50");
  await tool.locator("button.run").click();
  await page.waitForFunction(
    () => /running/.test(document.querySelector(".tool-doctrine .job-status")?.textContent ?? ""),
    undefined,
    { timeout: 30_000 },
  );
  const id = /\/api\/jobs\/([0-9a-f-]+)/.exec(polls[0])![1];
  assert.equal((await api<{ status: string }>(`/api/jobs/${id}`)).status, "running");
  await page.click('header nav a[href^="/data"]');
  await page.waitForURL(/\/data/);
  await page.waitForSelector("body[data-ready]", { timeout: 90_000 });
  const seen = polls.length;
  await page.waitForTimeout(1500);
  assert.equal(polls.length, seen, "no poll after the page was left");
  // The job whose page was left is cancelled on the server.
  let status = "";
  for (let i = 0; i < 20 && status !== "cancelled"; i++) {
    status = (await api<{ status: string }>(`/api/jobs/${id}`)).status;
    if (status !== "cancelled") await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(status, "cancelled");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a page that waits for the server says what it waits for instead of a blank area", async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const page = await context.newPage();
  await page.route("**/api/scenario/sources?*", async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(`${server.url}/data`);
  await page.locator(".pending", { hasText: "Loading Data" }).waitFor({ timeout: 30_000 });
  release();
  await page.waitForSelector("body[data-ready]", { timeout: 60_000 });
  assert.equal(await page.locator(".pending").count(), 0);
  await page.close();
});

test("Timeline with a partner draws the relation score and UN-vote agreement only for rows the API marks as measured", async () => {
  const rel = await api<{
    rows: { scoreStatus?: string; score: number | null; scoreInterval?: unknown }[];
  }>("/api/relations?scenario=azerbaijan&focal=AZE&with=RUS&by=year&from=2015&to=2022");
  const al = await api<{ rows: { status?: string; intervals?: { agreement?: unknown } }[] }>(
    "/api/alignment?focal=AZE&with=RUS&from=2015&to=2022",
  );
  const { page, errors } = await open("/timeline?with=RUS&from=2015&to=2022");
  const measured = (rows: { status?: string }[]) => rows.filter((r) => r.status === "data").length;
  // Relations rows name their score's status and interval scoreStatus / scoreInterval.
  const relMeasured = rel.rows.filter((r) => r.scoreStatus === "data");
  assert.ok(relMeasured.length > 0);
  assert.equal(await page.locator(".relation-chart svg circle.pt").count(), relMeasured.length);
  assert.equal(
    await page.locator(".relation-chart svg rect.gap").count(),
    rel.rows.length - relMeasured.length,
  );
  assert.equal(
    await page.locator(".relation-chart svg g.whisker").count(),
    relMeasured.filter((r) => Array.isArray(r.scoreInterval)).length,
  );
  assert.equal(await page.locator(".alignment-chart svg circle.pt").count(), measured(al.rows));
  assert.equal(
    await page.locator(".alignment-chart svg g.whisker").count(),
    al.rows.filter((r) => r.status === "data" && Array.isArray(r.intervals?.agreement)).length,
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test("'did the leverage rise after 2020?' reads a measured answer with its interval, or 'not measurable' with the reasons", async () => {
  const card = await api<{
    comparison?: {
      rows: {
        level: string;
        pillar: string;
        status: string;
        interval: unknown;
        dropped: { key: string }[];
      }[];
    };
  }>("/api/scorecard?scenario=azerbaijan&focal=AZE&from=2011&to=2025&compare=2011-2019:2021-2025");
  const { page, errors } = await open("/overview");
  const panel = page.locator("section", { hasText: "Like for like" });
  if (!card.comparison) {
    // This server does not compare periods yet: the panel says so and shows no figure.
    assert.match((await panel.textContent()) ?? "", /did not return a like-for-like comparison/);
  } else {
    const rows = card.comparison.rows.filter((r) => r.pillar === "leverage");
    assert.ok(rows.length > 0);
    for (const r of rows) {
      const li = panel.locator(`li.cmp-row[data-pillar="leverage"][data-level="${r.level}"]`);
      const text = (await li.textContent()) ?? "";
      if (r.status === "data") {
        assert.equal(await li.getAttribute("data-kind"), "measured");
        if (Array.isArray(r.interval)) assert.match(text, /interval/);
      } else {
        assert.equal(await li.getAttribute("data-kind"), "not measurable");
        assert.match(text, /not measurable/);
        for (const d of r.dropped) assert.ok(text.includes(d.key), `${d.key} named`);
      }
    }
  }
  assert.deepEqual(errors, []);
  await page.close();
});
