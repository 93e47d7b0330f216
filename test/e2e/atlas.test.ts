// The Atlas page and the Overview's peer percentile in Debian's Chromium, on the real server with
// the shipped panel (no mocks): the map colours exactly the state-years the API gives an index and
// hatches the rest, the ranking lists intervals with missing rows last, the year slider moves
// everything, a click (mouse, keyboard or the table) makes a state the focal state (also a state
// outside the scenario), and the Overview places the focal state among its peers. Expected values
// are read from the API by the test and formatted here, independently of the page's code.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, test } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { apiJson, buildWeb, keepLocal, launch, type Server, startServer } from "./harness.ts";

const SHOTS = new URL("../../test-results/screenshots/", import.meta.url).pathname;
let server: Server;
let browser: Awaited<ReturnType<typeof launch>>;
let context: BrowserContext;

interface Row {
  iso3: string;
  name: string;
  year: number;
  index: number | null;
  status: string;
  interval: [number, number] | null;
  coverage: number;
  rank: number | null;
  rankInterval: [number, number] | null;
  components: Record<string, { value: number | null; status: string }>;
}
let atlas: {
  from: number;
  to: number;
  formula: string;
  weights: Record<string, number>;
  rows: Row[];
};
let latest: number;

before(async () => {
  buildWeb();
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer([], { waitForWarmUp: true });
  browser = await launch();
  context = browser.context;
  await keepLocal(context);
  // The same request the page makes (the server memoises it, so the page's answer is this one).
  atlas = await api("/api/atlas");
  latest = Math.max(
    ...atlas.rows.filter((r) => r.status === "data" && r.index !== null).map((r) => r.year),
  );
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const api = <T>(path: string): Promise<T> => apiJson<T>(server, path);

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url + path);
  await ready(page);
  return { page, errors };
}

async function ready(page: Page): Promise<void> {
  await page.waitForSelector("body[data-ready]", { timeout: 120_000 });
}

const f2 = (v: number) => v.toFixed(2);
const rowsOf = (year: number) => atlas.rows.filter((r) => r.year === year);
const hasIndex = (r: Row) => r.status === "data" && r.index !== null;
/** The weighted components with a value: what the row's index is made of. */
const inputs = (r: Row) =>
  Object.entries(r.components)
    .filter(([k, c]) => c.status === "data" && c.value !== null && (atlas.weights[k] ?? 0) > 0)
    .map(([k]) => k)
    .sort();

/** Every drawn state: [iso3, fill, data-status]. */
const mapStates = (page: Page) =>
  page.$$eval("svg.atlas-map path.atlas-state", (ps) =>
    ps.map((p) => [
      p.getAttribute("data-iso3") ?? "",
      p.getAttribute("fill") ?? "",
      p.getAttribute("data-status") ?? "",
    ]),
  );

test("the Atlas map colours exactly the states with an index in the latest year and hatches the rest", async () => {
  const { page, errors } = await open("/atlas");
  assert.equal(
    await page.locator("#s-atlas-map").textContent(),
    `Multi-alignment index, ${latest}`,
  );
  const byIso = new Map(rowsOf(latest).map((r) => [r.iso3, r]));
  const states = await mapStates(page);
  assert.ok(states.length > 150, `states drawn: ${states.length}`);
  let coloured = 0;
  for (const [iso3, fill, status] of states) {
    const r = byIso.get(iso3);
    if (r && hasIndex(r)) {
      coloured++;
      assert.match(fill, /^rgb\(/, `${iso3} coloured`);
      assert.equal(status, "data");
    } else {
      assert.match(fill, /^url\(#atlas-hatch-/, `${iso3} (${r?.status ?? "absent"}) hatched`);
      assert.notEqual(status, "data");
    }
  }
  assert.ok(coloured > 100, `coloured: ${coloured}`);
  // Hover text: index with interval, rank with interval, coverage, as the API gives them.
  const aze = byIso.get("AZE")!;
  assert.ok(hasIndex(aze), "Azerbaijan has an index in the latest year");
  const n = rowsOf(latest).filter(hasIndex).length;
  assert.equal(
    await page.locator('svg.atlas-map path[data-iso3="AZE"] title').textContent(),
    `Azerbaijan (AZE), ${latest}: index ${f2(aze.index!)} [${f2(aze.interval![0])}, ${f2(aze.interval![1])}], rank ${aze.rank} [${aze.rankInterval![0]}, ${aze.rankInterval![1]}] of ${n}, coverage ${Math.round(aze.coverage * 100)} %`,
  );
  await page.hover('svg.atlas-map path[data-iso3="KAZ"]');
  assert.match((await page.locator(".atlas-detail").textContent()) ?? "", /^Kazakhstan \(KAZ\)/);
  // The legend names what the colour means and the formula.
  const legend = (await page.locator(".atlas-legend").textContent()) ?? "";
  assert.match(legend, /multi-alignment \(hedging\) index/);
  assert.ok(legend.includes(atlas.formula), "formula shown");
  await page.screenshot({ path: `${SHOTS}atlas.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("the ranking lists index and rank intervals and coverage, missing states last as 'no data'", async () => {
  const { page, errors } = await open(`/atlas?year=${latest - 1}`);
  const year = latest - 1;
  const rows = rowsOf(year);
  const trs = page.locator("table.atlas-table tbody tr");
  assert.equal(await trs.count(), rows.length);
  const shown = await page.$$eval("table.atlas-table tbody tr", (trs) =>
    trs.map((tr) => ({
      iso3: tr.getAttribute("data-iso3"),
      cells: [...tr.children].map((c) => c.textContent ?? ""),
    })),
  );
  // Rank order (ties by name), then every state without an index, by name.
  const measured = rows
    .filter(hasIndex)
    .sort((a, b) => a.rank! - b.rank! || a.name.localeCompare(b.name));
  const missing = rows.filter((r) => !hasIndex(r)).sort((a, b) => a.name.localeCompare(b.name));
  assert.deepEqual(
    shown.map((s) => s.iso3),
    [...measured, ...missing].map((r) => r.iso3),
  );
  for (const r of measured.slice(0, 5)) {
    const s = shown.find((x) => x.iso3 === r.iso3)!;
    assert.deepEqual(s.cells, [
      `${r.rank} [${r.rankInterval![0]}, ${r.rankInterval![1]}]`,
      `${r.name} ${r.iso3}`,
      `${f2(r.index!)} [${f2(r.interval![0])}, ${f2(r.interval![1])}]`,
      `${Math.round(r.coverage * 100)} %`,
      "measured",
      inputs(r).join(" + "),
    ]);
  }
  for (const r of missing) {
    const s = shown.find((x) => x.iso3 === r.iso3)!;
    assert.equal(s.cells[2], "—", `${r.iso3}: no index shown`);
    assert.equal(s.cells[4], r.status === "partial" ? "partial data" : "no data");
  }
  // Sorting by index (highest first) keeps the missing rows at the bottom.
  await page.click('table.atlas-table button[data-sort="index"]');
  assert.equal(
    await page
      .locator('table.atlas-table th[aria-sort="descending"] button')
      .getAttribute("data-sort"),
    "index",
  );
  const after = await page.$$eval("table.atlas-table tbody tr", (trs) =>
    trs.map((tr) => tr.getAttribute("data-status")),
  );
  const firstMissing = after.findIndex((s) => s !== "data");
  if (firstMissing >= 0) assert.ok(after.slice(firstMissing).every((s) => s !== "data"));
  assert.deepEqual(errors, []);
  await page.close();
});

test("the year slider moves map and ranking; a year without any index is all hatched", async () => {
  const { page, errors } = await open("/atlas");
  await page.focus("#atlas-year");
  await page.keyboard.press("End");
  const last = atlas.to;
  await page.waitForFunction(
    (y) => document.querySelector("#s-atlas-map")?.textContent === `Multi-alignment index, ${y}`,
    last,
  );
  assert.match(page.url(), new RegExp(`year=${last}`));
  const states = await mapStates(page);
  const onMap = new Set(states.map(([iso3]) => iso3));
  const colouredIn = (st: string[][]) => st.filter(([, fill]) => fill.startsWith("rgb")).length;
  // The last year of the range (2024 by default: 6 roll calls, no index anywhere) is all hatched
  // when no state has an index; in any case exactly the states with one are coloured.
  assert.equal(
    colouredIn(states),
    rowsOf(last).filter((r) => hasIndex(r) && onMap.has(r.iso3)).length,
  );
  if (rowsOf(last).filter(hasIndex).length === 0)
    await page.screenshot({ path: `${SHOTS}atlas-${last}-hatched.png` });
  await page.keyboard.press("Home");
  await page.waitForFunction(
    (y) => document.querySelector("#s-atlas-map")?.textContent === `Multi-alignment index, ${y}`,
    atlas.from,
  );
  const first = rowsOf(atlas.from);
  assert.equal(
    colouredIn(await mapStates(page)),
    first.filter((r) => hasIndex(r) && onMap.has(r.iso3)).length,
  );
  assert.equal(await page.locator("table.atlas-table tbody tr").count(), first.length);
  assert.deepEqual(errors, []);
  await page.close();
});

test("clicking a state on the map makes it the focal state and shows its trajectory with gaps", async () => {
  const { page, errors } = await open("/atlas");
  // The year chosen on the slider stays when the focal state changes.
  const year = latest - 3;
  await page.locator("#atlas-year").fill(String(year));
  await page.waitForFunction(
    (y) => document.querySelector("#s-atlas-map")?.textContent === `Multi-alignment index, ${y}`,
    year,
  );
  await page.click('svg.atlas-map path[data-iso3="KAZ"]');
  await page.waitForURL(/focal=KAZ/);
  await ready(page);
  assert.match(page.url(), new RegExp(`year=${year}`));
  assert.equal(await page.locator("#s-atlas-map").textContent(), `Multi-alignment index, ${year}`);
  assert.match((await page.locator("h1").textContent()) ?? "", /focal state: Kazakhstan/);
  assert.equal(await page.locator("#ctl-focal").inputValue(), "KAZ");
  const traj = page.locator(".atlas-trajectory[data-iso3=KAZ] svg.band-chart");
  const kaz = atlas.rows.filter((r) => r.iso3 === "KAZ");
  assert.equal(await traj.locator("circle.pt").count(), kaz.filter(hasIndex).length);
  // Every year without an index is a gap mark, and no line runs across it.
  const gaps = await traj
    .locator("rect.gap")
    .evaluateAll((g) => g.map((x) => Number(x.getAttribute("data-x"))));
  const years: number[] = [];
  for (let y = atlas.from; y <= atlas.to; y++)
    if (!kaz.some((r) => r.year === y && hasIndex(r))) years.push(y);
  assert.deepEqual(gaps, years);
  const spans = await traj
    .locator("polyline.line")
    .evaluateAll((ls) =>
      ls.map((l) => [Number(l.getAttribute("data-from")), Number(l.getAttribute("data-to"))]),
    );
  for (const [a, b] of spans) {
    assert.ok(!years.some((y) => y > a && y < b), `line ${a}–${b} crosses no missing year`);
    // …and joins only years whose index is made of the same inputs.
    const made = new Set(
      kaz.filter((r) => r.year >= a && r.year <= b).map((r) => inputs(r).join("+")),
    );
    assert.equal(made.size, 1, `line ${a}–${b} joins one composition: ${[...made].join(" | ")}`);
  }
  // The focal state is outlined on the map and marked in the ranking.
  assert.equal(await page.locator('svg.atlas-map path.focal[data-iso3="KAZ"]').count(), 1);
  assert.equal(
    await page.locator('table.atlas-table tr[aria-current="true"]').getAttribute("data-iso3"),
    "KAZ",
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test("the map is keyboard-operable: one tab stop, arrows move, Enter makes the state focal", async () => {
  const { page, errors } = await open("/atlas");
  assert.equal(await page.locator('svg.atlas-map [tabindex="0"]').count(), 1);
  assert.equal(await page.locator('svg.atlas-map [tabindex="0"]').getAttribute("data-iso3"), "AZE");
  await page.focus('svg.atlas-map [tabindex="0"]');
  await page.keyboard.press("ArrowRight");
  const next = await page.evaluate(() => document.activeElement?.getAttribute("data-iso3"));
  assert.ok(next && next !== "AZE", `focus moved to ${next}`);
  assert.match(
    (await page.locator(".atlas-detail").textContent()) ?? "",
    new RegExp(`\\(${next}\\)`),
  );
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`focal=${next}`));
  await ready(page);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a state outside the scenario (from the ranking) becomes focal: the Atlas and a panel-only Overview draw for it", async () => {
  const actors = await api<{ actors: { id: string }[] }>("/api/actors?scenario=azerbaijan");
  const inScenario = new Set(actors.actors.map((a) => a.id));
  const outside = rowsOf(latest).find((r) => hasIndex(r) && !inScenario.has(r.iso3))!;
  assert.ok(outside, "a state with an index outside the scenario");
  // A code that names no state falls back to the scenario's focal state.
  const { page, errors } = await open("/atlas?focal=QQQ");
  assert.equal(await page.locator("#ctl-focal").inputValue(), "AZE");
  assert.match(page.url(), /focal=AZE/);
  await page.click(`table.atlas-table tr[data-iso3="${outside.iso3}"] button`);
  await page.waitForURL(new RegExp(`focal=${outside.iso3}`));
  await ready(page);
  assert.equal(await page.locator("#ctl-focal").inputValue(), outside.iso3);
  assert.match(
    (await page.locator("main .notice.info").first().textContent()) ?? "",
    /is not one of the actors of the scenario/,
  );
  assert.equal(
    await page.locator(`.atlas-trajectory[data-iso3="${outside.iso3}"]`).count(),
    1,
    "its trajectory",
  );
  // The Overview from the navigation keeps the focal state and draws without an error.
  await page.click('header nav a[href^="/overview"]');
  await page.waitForURL(/\/overview/);
  await ready(page);
  assert.match(page.url(), new RegExp(`focal=${outside.iso3}`));
  assert.equal(await page.locator(".page-overview .notice.error").count(), 0);
  await page.waitForSelector("table.peer-table", { timeout: 120_000 });
  await page.screenshot({ path: `${SHOTS}overview-panel-only.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("the Overview shows the focal state's percentile among its peers, with interval and n", async () => {
  interface Cmp {
    focal: string;
    peerGroups: { id: string }[];
    rows: {
      peerGroup: string;
      year: number;
      measure: string;
      value: number | null;
      percentile: number | null;
      interval: [number, number] | null;
      n: number;
      missing?: number;
      peerMedian?: number | null;
    }[];
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  // The compare request the page makes; the test reads the same answer from the API.
  const asked = page.waitForRequest((r) => r.url().includes("/api/atlas/compare"));
  await page.goto(`${server.url}/overview`);
  const url = new URL((await asked).url());
  assert.equal(url.searchParams.get("focal"), "AZE");
  assert.ok(url.searchParams.get("peers"), "the page names its peer groups");
  await ready(page);
  await page.waitForSelector("table.peer-table", { timeout: 120_000 });
  const cmp = await api<Cmp>(url.pathname + url.search);
  const ids = [...new Set(cmp.peerGroups.map((g) => g.id))];
  assert.ok(ids.length >= 2, `peer groups: ${ids.join(", ")}`);
  for (const g of ids.map((id) => ({ id }))) {
    const withValue = cmp.rows.filter(
      (r) =>
        r.peerGroup === g.id && r.measure === "index" && r.percentile !== null && r.value !== null,
    );
    const tr = page.locator(`table.peer-table tr[data-peer-group="${g.id}"]`);
    assert.equal(await tr.count(), 1, `${g.id} listed`);
    const cells = await tr.locator("> *").allTextContents();
    if (withValue.length === 0) {
      assert.match(cells[3], /no data/);
      continue;
    }
    const r = withValue.reduce((a, b) => (b.year > a.year ? b : a));
    assert.equal(cells[1], String(r.year));
    assert.equal(
      cells[3],
      r.interval
        ? `${f2(r.percentile!)} [${f2(r.interval[0])}, ${f2(r.interval[1])}]`
        : `${f2(r.percentile!)} [no interval]`,
    );
    assert.equal(cells[4], `${r.n}${r.missing ? ` (${r.missing} without)` : ""}`);
    assert.equal(cells[5], typeof r.peerMedian === "number" ? f2(r.peerMedian) : "—");
  }
  await page
    .locator("section", { hasText: "Among its peers" })
    .first()
    .screenshot({
      path: `${SHOTS}overview-peers.png`,
    });
  assert.deepEqual(errors, []);
  await page.close();
});
