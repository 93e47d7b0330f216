import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, test } from "node:test";
import type { BrowserContext, Locator, Page } from "playwright-core";
import {
  apiJson,
  buildWeb,
  keepLocal,
  launch,
  openPage,
  type Server,
  startServer,
} from "./harness.ts";

const SHOTS = new URL("../../test-results/screenshots/", import.meta.url).pathname;
let server: Server;
let browser: Awaited<ReturnType<typeof launch>>;
let context: BrowserContext;
/** Requests that tried to leave the machine (blocked and recorded). */
const outside: string[] = [];

before(async () => {
  buildWeb();
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer([], { waitForWarmUp: true });
  browser = await launch();
  context = browser.context;
  // Never let it out: answer locally so that a followed source link can be checked.
  await keepLocal(context, { outside });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const api = <T>(path: string): Promise<T> => apiJson<T>(server, path);

/** Open a page, wait until it has drawn, and collect console errors. */
const open = (path: string) => openPage(context, server.url + path);

const txt = async (l: Locator): Promise<string> => (await l.textContent()) ?? "";

async function ready(page: Page): Promise<void> {
  await page.waitForSelector("body[data-ready]", { timeout: 90_000 });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}

test("Overview shows Azerbaijan's sourced events by level and year, and the scorecard or a clear not-available notice", async () => {
  const { page, errors } = await open("/overview");
  assert.match(await txt(page.locator("h1")), /Overview: Azerbaijan, 2011–2025/);
  const ev = await api<{ count: number }>("/api/events?actor=AZE&from=2011&to=2025");
  assert.match(
    await txt(page.locator(".page-overview")),
    new RegExp(`${ev.count} sourced events involving Azerbaijan`),
  );
  const scorecard = await page.locator("table.scorecard").count();
  if (scorecard === 0)
    assert.match(await txt(page.locator(".notice.unavailable").first()), /scorecard/);
  await shot(page, "overview");
  assert.deepEqual(errors, []);
  await page.close();
});

test("Map draws Azerbaijan, its partners by level, corridors and pipelines, and follows the chosen date", async () => {
  const { page, errors } = await open("/map");
  assert.equal(await page.locator('svg.map path[data-iso3="AZE"]').count(), 1);
  const partners = await page
    .locator("section", { hasText: "Partners in 2025" })
    .locator("tbody tr")
    .count();
  assert.ok(partners >= 10, `partners listed: ${partners}`);
  const scen = await api<{ projects: { name: string }[] }>("/api/scenario?scenario=azerbaijan");
  const text = await txt(page.locator(".page-map"));
  for (const p of scen.projects) assert.ok(text.includes(p.name), `project ${p.name} listed`);
  await shot(page, "map");
  await page.fill("#m-at", "2015");
  await page.press("#m-at", "Enter");
  await page.locator("#m-at").dispatchEvent("change");
  await page.waitForURL(/at=2015/);
  await ready(page);
  assert.match(await txt(page.locator(".page-map")), /Partners in 2015/);
  await page.check('input[name="colour"][value="relation"]');
  await page.waitForURL(/colour=relation/);
  await ready(page);
  await shot(page, "map-relation-2015");
  assert.deepEqual(errors, []);
  await page.close();
});

test("Network draws the signed network at a date and moves with the date", async () => {
  const { page, errors } = await open("/network?at=2025");
  const nodes = await page.locator("svg.network circle").count();
  assert.ok(nodes >= 5, `nodes: ${nodes}`);
  assert.ok((await page.locator("svg.network line").count()) >= 4);
  await shot(page, "network");
  await page.locator("#n-at").fill("2019");
  await page.locator("#n-at").dispatchEvent("change");
  await page.waitForURL(/at=2019/);
  await ready(page);
  assert.match(await txt(page.locator("h2").first()), /Signed network at 2019/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("Timeline lists events with their sources, filters by partner, and opens an event's source", async () => {
  const { page, errors } = await open("/timeline");
  const all = await api<{ count: number; events: { source: string; title: string }[] }>(
    "/api/events?actor=AZE&from=2011&to=2025",
  );
  assert.equal(await page.locator("li.event").count(), all.count);
  await shot(page, "timeline");
  await page.selectOption("#f-with", "RUS");
  await page.waitForURL(/with=RUS/);
  await ready(page);
  const rus = await api<{ count: number; events: { source: string; title: string }[] }>(
    "/api/events?actor=AZE&with=RUS&from=2011&to=2025",
  );
  assert.equal(await page.locator("li.event").count(), rus.count);
  await page.selectOption("#f-tone", "conflict");
  await page.waitForURL(/tone=conflict/);
  await ready(page);
  const conflict = await api<{ count: number }>(
    "/api/events?actor=AZE&with=RUS&tone=conflict&from=2011&to=2025",
  );
  assert.equal(await page.locator("li.event").count(), conflict.count);
  // Open the first event's source: a new tab at exactly the recorded source.
  const first = rus.events.find((e) => /^https?:/.test(e.source))!;
  await page.selectOption("#f-tone", "");
  await ready(page);
  const link = page.locator("li.event", { hasText: first.title }).locator("a.source").first();
  assert.equal(await link.getAttribute("href"), first.source);
  const [popup] = await Promise.all([context.waitForEvent("page"), link.click()]);
  await popup.waitForLoadState();
  assert.equal(popup.url(), first.source);
  await popup.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test("changing the focal state and the date range updates the URL and the data shown", async () => {
  const { page, errors } = await open("/timeline");
  await page.selectOption("#ctl-focal", "ARM");
  await page.waitForURL(/focal=ARM/);
  await ready(page);
  assert.match(await txt(page.locator("h1")), /Timeline: Armenia/);
  const arm = await api<{ count: number }>("/api/events?actor=ARM&from=2011&to=2025");
  assert.equal(await page.locator("li.event").count(), arm.count);
  await page.fill("#ctl-from", "2020");
  await page.locator("#ctl-from").dispatchEvent("change");
  await page.waitForURL(/from=2020/);
  await ready(page);
  const arm20 = await api<{ count: number }>("/api/events?actor=ARM&from=2020&to=2025");
  assert.equal(await page.locator("li.event").count(), arm20.count);
  // The view is shareable: the same URL in a new tab shows the same thing.
  const again = await open(new URL(page.url()).pathname + new URL(page.url()).search);
  assert.match(await txt(again.page.locator("h1")), /Timeline: Armenia, 2020–2025/);
  await shot(again.page, "timeline-armenia-2020");
  await again.page.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test("Dependence shows arms suppliers' shares per year with sources, and gas by destination", async () => {
  const { page, errors } = await open("/dependence?domain=arms");
  assert.ok((await page.locator("figure svg").count()) >= 1);
  const text = await txt(page.locator(".page-dependence"));
  assert.match(text, /Israel/);
  assert.match(text, /Russia/);
  await shot(page, "dependence");
  await page.selectOption("#d-domain", "gas");
  await page.waitForURL(/domain=gas/);
  await ready(page);
  assert.match(await txt(page.locator(".page-dependence")), /gas shares by partner/);
  await shot(page, "dependence-gas");
  assert.deepEqual(errors, []);
  await page.close();
});

test("Lab runs a what-if when the server has one, and otherwise says it is not available", async () => {
  const { page, errors } = await open("/lab");
  const doc = await api<{ paths: Record<string, Record<string, unknown>> }>("/api/openapi.json");
  const jobs = await api<{ kinds: { name: string }[] }>("/api/jobs");
  const whatif =
    Boolean(doc.paths["/api/compute/whatif"]?.post) || jobs.kinds.some((k) => k.name === "whatif");
  const tool = page.locator(".tool-whatif");
  if (!whatif) assert.match(await txt(tool), /Not available in this build/);
  else {
    await tool.locator("button.run").click();
    await tool.locator(".lab-out .result, .lab-out .notice").first().waitFor({ timeout: 120_000 });
    assert.equal(await tool.locator(".lab-out .notice.error").count(), 0, await txt(tool));
  }
  await shot(page, "lab");
  assert.deepEqual(errors, []);
  await page.close();
});

test("Data lists the panel's sources with coverage years and licences, and every source the scenario cites", async () => {
  const { page, errors } = await open("/data");
  const panel = await api<{ count: number }>("/api/sources");
  const scen = await api<{ sources: unknown[] }>("/api/scenario/sources?scenario=azerbaijan");
  const text = await txt(page.locator(".page-data"));
  assert.match(text, new RegExp(`${panel.count} datasets in the shipped panel`));
  assert.match(text, new RegExp(`${scen.sources.length} sources cited by the scenario`));
  assert.match(text, /licence/i);
  await shot(page, "data");
  assert.deepEqual(errors, []);
  await page.close();
});

test("pages are keyboard-navigable and no request leaves the machine", async () => {
  const { page, errors } = await open("/overview");
  await page.focus('header nav a[href^="/timeline"]');
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/timeline/);
  await ready(page);
  assert.match(await txt(page.locator("h1")), /^Timeline/);
  // The only requests that went elsewhere were the source links the tests opened on purpose.
  const events = await api<{ events: { source: string }[] }>("/api/events?actor=AZE");
  const sources = new Set(events.events.map((e) => e.source));
  assert.deepEqual(
    outside.filter((u) => !sources.has(u)),
    [],
  );
  assert.deepEqual(errors, []);
  await page.close();
});
