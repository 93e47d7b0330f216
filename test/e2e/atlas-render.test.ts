// The Atlas views, run in Node on a linkedom document (no browser): what a person sees for
// measured, partial and missing state-years on the map, in the ranking and in the trajectory, and
// the Overview's peer percentile. The fixtures are shaped exactly like TEAM.md's Atlas interfaces
// (hand-made, not measurements); expected values are worked out here from the fixture itself.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parseHTML } from "linkedom";

const { document, window } = parseHTML("<!doctype html><html><body></body></html>");
Object.assign(globalThis, { document, window, Node: window.Node });

const data = await import("../../web/src/atlas-data.ts");
const { atlasMap, fillStatus, HATCHES } = await import("../../web/src/views/atlas-map.ts");
const { atlasTable } = await import("../../web/src/views/atlas-table.ts");
const { atlasLegend } = await import("../../web/src/views/atlas-legend.ts");
const { bandChart, bandRuns } = await import("../../web/src/views/band-chart.ts");
const { atlasTrajectory } = await import("../../web/src/views/atlas-trajectory.ts");
const { peerPercentile } = await import("../../web/src/views/peer-percentile.ts");
const { worldCountries } = await import("../../web/src/geo.ts");

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8"));
const atlas = fixture("atlas-team.json");
const compare = fixture("atlas-compare-team.json");
type Raw = { iso3: string; year: number; status: string; index: number | null };
const raw = atlas.rows as Raw[];
const rows = data.atlasRows(atlas);

test("atlasRows keeps an index only where the status is 'data'", () => {
  assert.equal(rows.length, raw.length);
  for (const r of raw) {
    const s = rows.find((x) => x.iso3 === r.iso3 && x.year === r.year)!;
    if (r.status === "data") assert.equal(s.index, r.index);
    else {
      assert.equal(s.index, null, `${r.iso3} ${r.year} (${r.status}) has no index`);
      assert.equal(s.interval, null);
      assert.equal(s.rank, null);
    }
  }
  // Brazil 2020 is partial with a number in the answer: it is not shown as an index.
  const bra = rows.find((x) => x.iso3 === "BRA" && x.year === 2020)!;
  assert.equal(bra.status, "partial");
  assert.equal(bra.index, null);
  // A row without a status is "not measured", whatever number it carries.
  const odd = data.atlasRows({ rows: [{ iso3: "XXA", year: 2020, index: 0.5 }] });
  assert.equal(odd[0].status, "not measured");
  assert.equal(odd[0].index, null);
  // A component's value likewise.
  const aze20 = rows.find((x) => x.iso3 === "AZE" && x.year === 2020)!;
  assert.equal(aze20.components.unBalance.value, 0.69);
  assert.equal(aze20.components.armsBalance.value, null);
});

test("rankingOrder: measured states sorted, every state without an index at the bottom in every order", () => {
  const y2020 = rows.filter((r) => r.year === 2020);
  for (const key of ["rank", "name", "index", "coverage"] as const)
    for (const dir of [1, -1] as const) {
      const out = data.rankingOrder(y2020, key, dir);
      assert.equal(out.length, y2020.length);
      const firstMissing = out.findIndex((r) => r.index === null);
      assert.ok(firstMissing >= 0);
      assert.ok(
        out.slice(firstMissing).every((r) => r.index === null),
        `${key} ${dir}: no measured row after a missing one`,
      );
    }
  // By index, descending: an independent sort of the measured rows of 2019.
  const y2019 = rows.filter((r) => r.year === 2019);
  const expected = raw
    .filter((r) => r.year === 2019 && r.status === "data")
    .sort((a, b) => (b.index as number) - (a.index as number))
    .map((r) => r.iso3);
  assert.deepEqual(
    data.rankingOrder(y2019, "index", -1).map((r) => r.iso3),
    [...expected, "TUV"],
  );
  assert.deepEqual(
    data.rankingOrder(y2019, "rank", 1).map((r) => r.iso3),
    ["KAZ", "AZE", "BRA", "FRA", "TUV"],
  );
});

test("niceDomain and rampColour: one domain for every year, the ramp's ends at its ends", () => {
  assert.deepEqual(data.niceDomain([0.2, 0.9]), [0, 1]);
  assert.deepEqual(data.niceDomain([-0.2, 0.9]), [-1, 1]);
  assert.deepEqual(data.niceDomain([3, 90]), [0, 100]);
  assert.deepEqual(data.niceDomain([-5, 120]), [-5, 120]);
  assert.deepEqual(data.indexDomain(rows), [0, 1]);
  const hex = (h: string) =>
    `rgb(${[1, 3, 5].map((k) => Number.parseInt(h.slice(k, k + 2), 16)).join(",")})`;
  const ramp = data.ATLAS_DEFAULTS.ramp;
  assert.equal(data.rampColour(0, [0, 1]), hex(ramp[0]));
  assert.equal(data.rampColour(1, [0, 1]), hex(ramp[ramp.length - 1]));
  assert.equal(data.rampColour(0.5, [0, 1]), hex(ramp[2]));
  assert.equal(data.rampColour(7, [0, 1]), hex(ramp[ramp.length - 1]), "clamped");
});

test("the map colours exactly the measured states; partial, no data and absent countries are hatched", () => {
  const feats = worldCountries();
  const y2020 = rows.filter((r) => r.year === 2020);
  const svg = atlasMap(feats, y2020, { domain: [0, 1], focal: "AZE", count: 2 });
  const paths = [...svg.querySelectorAll("path.atlas-state")];
  assert.ok(paths.length > 150, `countries drawn: ${paths.length}`);
  const fillOf = (iso3: string) =>
    svg.querySelector(`path[data-iso3="${iso3}"]`)?.getAttribute("fill") ?? "(none)";
  assert.equal(fillOf("FRA"), data.rampColour(0.25, [0, 1]));
  assert.equal(fillOf("KAZ"), data.rampColour(0.72, [0, 1]));
  assert.equal(fillOf("AZE"), `url(#${HATCHES["no data"].id})`, "AZE 2020 has no index");
  assert.equal(fillOf("BRA"), `url(#${HATCHES.partial.id})`, "BRA 2020 is partial");
  assert.equal(fillOf("USA"), `url(#${HATCHES.absent.id})`, "not in the answer");
  for (const p of paths) {
    const st = p.getAttribute("data-status");
    const fill = p.getAttribute("fill") ?? "";
    if (st === "data") assert.match(fill, /^rgb\(/);
    else assert.match(fill, /^url\(#atlas-hatch-/, `${p.getAttribute("data-iso3")} hatched`);
  }
  assert.equal(paths.filter((p) => p.getAttribute("data-status") === "data").length, 2);
  // Hover text carries index, interval, rank with its interval and coverage.
  assert.equal(
    svg.querySelector('path[data-iso3="FRA"] title')?.textContent,
    "France (FRA), 2020: index 0.25 [0.20, 0.30], rank 2 [2, 2] of 2, coverage 100 %",
  );
  assert.match(
    svg.querySelector('path[data-iso3="BRA"]')!.getAttribute("aria-label")!,
    /partial data, no index/,
  );
  assert.equal(fillStatus(undefined), "absent");
});

test("the map is one tab stop (the focal state); arrows move in name order, Enter and click select", () => {
  const chosen: string[] = [];
  const svg = atlasMap(
    worldCountries(),
    rows.filter((r) => r.year === 2019),
    { focal: "AZE", onSelect: (c) => chosen.push(c) },
  );
  document.body.replaceChildren(svg as unknown as Node);
  const stops = [...svg.querySelectorAll('[tabindex="0"]')];
  assert.equal(stops.length, 1);
  assert.equal(stops[0].getAttribute("data-iso3"), "AZE");
  const aze = svg.querySelector('path[data-iso3="AZE"]')!;
  // linkedom has no KeyboardEvent: an Event carrying `key` is what the handler reads.
  const key = (el: Element, k: string) => {
    const e = new window.Event("keydown", { bubbles: true, cancelable: true });
    Object.defineProperty(e, "key", { value: k });
    el.dispatchEvent(e);
  };
  key(aze, "ArrowRight");
  const next = svg.querySelector('[tabindex="0"]')!;
  assert.notEqual(next.getAttribute("data-iso3"), "AZE");
  assert.equal(svg.querySelectorAll('[tabindex="0"]').length, 1);
  key(next, "Enter");
  key(next, "ArrowLeft");
  key(svg.querySelector('[tabindex="0"]')!, " ");
  svg.querySelector('path[data-iso3="FRA"]')!.dispatchEvent(new window.Event("click"));
  assert.deepEqual(chosen, [next.getAttribute("data-iso3"), "AZE", "FRA"]);
});

test("the ranking table: intervals, coverage, 'no data' rows last, sortable with aria-sort", () => {
  const chosen: string[] = [];
  const y2020 = rows.filter((r) => r.year === 2020);
  const wrap = atlasTable(y2020, { onSelect: (c) => chosen.push(c) });
  document.body.replaceChildren(wrap);
  const order = () =>
    [...wrap.querySelectorAll("tbody tr")].map((tr) => tr.getAttribute("data-iso3"));
  assert.deepEqual(order(), ["KAZ", "FRA", "AZE", "BRA", "TUV"]);
  const cells = (iso3: string) =>
    [...wrap.querySelectorAll(`tr[data-iso3="${iso3}"] > *`)].map((c) => c.textContent);
  assert.deepEqual(cells("FRA"), [
    "2 [2, 2]",
    "France FRA",
    "0.25 [0.20, 0.30]",
    "100 %",
    "measured",
    "armsBalance + unBalance",
  ]);
  assert.deepEqual(cells("AZE"), ["—", "Azerbaijan AZE", "—", "50 %", "no data", ""]);
  assert.deepEqual(cells("BRA"), ["—", "Brazil BRA", "—", "50 %", "partial data", ""]);
  assert.equal(wrap.querySelector("th[aria-sort]")?.textContent?.startsWith("rank"), true);
  // Sort by index: first click descending (highest first); then ascending; missing stay last.
  (wrap.querySelector('button[data-sort="index"]') as HTMLButtonElement).click();
  assert.deepEqual(order(), ["KAZ", "FRA", "AZE", "BRA", "TUV"]);
  assert.equal(
    wrap.querySelector('button[data-sort="index"]')!.closest("th")!.getAttribute("aria-sort"),
    "descending",
  );
  (wrap.querySelector('button[data-sort="index"]') as HTMLButtonElement).click();
  assert.deepEqual(order(), ["FRA", "KAZ", "AZE", "BRA", "TUV"]);
  (wrap.querySelector('button[data-sort="name"]') as HTMLButtonElement).click();
  assert.deepEqual(order(), ["FRA", "KAZ", "AZE", "BRA", "TUV"]);
  (wrap.querySelector('tr[data-iso3="TUV"] button') as HTMLButtonElement).click();
  assert.deepEqual(chosen, ["TUV"]);
  assert.equal(wrap.querySelectorAll("th[scope=col]").length, 6);
});

test("the band chart breaks line and band at a missing year; gaps are marked, not bridged", () => {
  const traj = data.trajectoryOf(rows, "AZE", 2018, 2021);
  assert.deepEqual(
    traj.map((r) => [r.year, r.status]),
    [
      [2018, "not measured"],
      [2019, "data"],
      [2020, "no data"],
      [2021, "data"],
    ],
  );
  const svg = bandChart(
    traj.map((r) => ({ x: r.year, status: r.status, value: r.index, interval: r.interval })),
  );
  // Two single measured years separated by a gap: no polyline at all, two bands, two gaps.
  assert.equal(svg.querySelectorAll("polyline").length, 0);
  assert.equal(svg.querySelectorAll(".band").length, 2);
  assert.deepEqual(
    [...svg.querySelectorAll("rect.gap")].map((g) => g.getAttribute("data-x")),
    ["2018", "2020"],
  );
  assert.deepEqual(
    [...svg.querySelectorAll("circle.pt")].map((c) => c.getAttribute("data-value")),
    ["0.61", "0.66"],
  );
  // France, measured throughout: one line and one band over 2019–2021.
  const fra = data.trajectoryOf(rows, "FRA", 2019, 2021);
  const f = bandChart(
    fra.map((r) => ({ x: r.year, status: r.status, value: r.index, interval: r.interval })),
  );
  const line = f.querySelector("polyline")!;
  assert.equal(line.getAttribute("data-from"), "2019");
  assert.equal(line.getAttribute("data-to"), "2021");
  assert.equal(f.querySelectorAll("polygon.band").length, 1);
  assert.equal(line.getAttribute("points")!.split(" ").length, 3);
  // A measured run whose middle point has no interval: the band splits there, the line does not.
  const split = bandRuns([
    { x: 1, status: "data", value: 1, interval: [0, 2] },
    { x: 2, status: "data", value: 1, interval: null },
    { x: 3, status: "data", value: 1, interval: [0, 2] },
  ]);
  assert.deepEqual(
    split.map((r) => r.map((p) => p.x)),
    [[1], [3]],
  );
});

test("the trajectory view: the index band and one chart per component, gaps where missing", () => {
  const traj = data.trajectoryOf(rows, "AZE", 2019, 2021);
  const el = atlasTrajectory(traj, { components: atlas.components, all: rows, name: "Azerbaijan" });
  assert.match(
    el.querySelector(".summary")!.textContent!,
    /an index in 2 of 3 years \(2019–2021\)/,
  );
  assert.match(
    el.querySelector(".summary")!.textContent!,
    /Latest: 2021, index 0.66 \[0.60, 0.71\]/,
  );
  const charts = [...el.querySelectorAll("figure.component-chart")];
  assert.deepEqual(
    charts.map((c) => c.getAttribute("data-component")),
    ["unBalance", "armsBalance"],
  );
  // armsBalance is missing in 2020: a gap mark there; unBalance is measured all three years.
  const arms = el.querySelector('figure[data-component="armsBalance"]')!;
  assert.deepEqual(
    [...arms.querySelectorAll("rect.gap")].map((g) => g.getAttribute("data-x")),
    ["2020"],
  );
  const un = el.querySelector('figure[data-component="unBalance"]')!;
  assert.equal(un.querySelectorAll("rect.gap").length, 0);
  assert.equal(un.querySelectorAll("circle.pt").length, 3);
});

test("the legend names the index, its direction, the formula and the hatches", () => {
  const lg = atlasLegend({ domain: [0, 1], formula: atlas.formula, year: 2020, level: 0.9 });
  const t = lg.textContent!;
  assert.match(t, /multi-alignment \(hedging\) index in 2020/);
  assert.match(t, /Higher means more evenly engaged/);
  assert.ok(t.includes(atlas.formula));
  for (const w of ["no data: no index", "partial data: no index", "not in the Atlas answer"])
    assert.ok(t.includes(w), w);
  assert.match(t, /90 % intervals/);
});

test("the peer percentile: each group's latest year with a value, its interval and n; a group without says so", () => {
  const el = peerPercentile(compare, { name: (c: string) => (c === "AZE" ? "Azerbaijan" : c) });
  const cells = (g: string) =>
    [...el.querySelectorAll(`tr[data-peer-group="${g}"] > *`)].map((c) => c.textContent);
  // NONALIGNED: 2021 is the latest year with a value (2020 has none).
  assert.deepEqual(cells("NONALIGNED").slice(1, 5), ["2021", "0.66", "0.67 [0.33, 0.83]", "3"]);
  assert.deepEqual(cells("OTS").slice(1, 5), ["2021", "0.66", "0.40 [0.20, 0.60]", "5"]);
  assert.equal(
    el.querySelector('tr[data-peer-group="EMPTY"]')!.getAttribute("data-status"),
    "no data",
  );
  assert.match(cells("EMPTY")[3]!, /no data/);
  assert.doesNotMatch(cells("EMPTY").join(" "), /\d\.\d/);
  // The percentile per year: a point per year with one, a gap mark for the others.
  const chart = el.querySelector("figure.peer-chart svg")!;
  const pts = (g: string) =>
    [...chart.querySelectorAll(`g[data-series="${g}"] circle.pt`)].map((c) => [
      c.getAttribute("data-x"),
      c.getAttribute("data-value"),
    ]);
  assert.deepEqual(pts("NONALIGNED"), [
    ["2019", "0.5"],
    ["2021", "0.67"],
  ]);
  assert.deepEqual(
    [...chart.querySelectorAll('g[data-series="NONALIGNED"] rect.gap')].map((g) =>
      g.getAttribute("data-x"),
    ),
    ["2020"],
  );
  assert.equal(pts("EMPTY").length, 0);
  // A percentile without the focal state's value is never shown.
  const odd = data.peerRows({
    rows: [{ peerGroup: "G", year: 2020, measure: "index", value: null, percentile: 0.3 }],
  });
  assert.equal(odd[0].percentile, null);
});

test("a peer group listed once per membership spell is shown once, with the spell of the year shown", async () => {
  const { peerGroupsOf } = await import("../../web/src/views/peer-percentile.ts");
  const spells = {
    ...compare,
    peerGroups: [
      {
        id: "NONALIGNED",
        name: "NAM",
        year: 2019,
        years: [2019, 2020],
        members: ["KAZ"],
        how: "early",
        source: "s",
      },
      {
        id: "NONALIGNED",
        name: "NAM",
        year: 2021,
        years: [2021, 2021],
        members: ["KAZ", "AZE"],
        how: "late",
        source: "s",
      },
      {
        id: "OTS",
        name: "OTS",
        year: 2019,
        years: [2019, 2021],
        members: ["KAZ"],
        how: "all",
        source: "s",
      },
    ],
  };
  const latest = new Map(
    data.latestPercentiles(data.peerRows(spells), "index").map((r) => [r.peerGroup, r]),
  );
  const gs = peerGroupsOf(spells, latest);
  assert.deepEqual(
    gs.map((g: { id: string; how: string }) => [g.id, g.how]),
    [
      ["NONALIGNED", "late"],
      ["OTS", "all"],
    ],
  );
  const el = peerPercentile(spells);
  assert.equal(el.querySelectorAll('tr[data-peer-group="NONALIGNED"]').length, 1);
});

test("values made of different inputs are never joined: the line breaks where the composition changes", () => {
  const w = { unBalance: 0.5, armsBalance: 0.5 };
  const fra = data.trajectoryOf(rows, "FRA", 2019, 2021);
  assert.deepEqual(data.compositionSpells(fra, w), [[2019, 2021, "armsBalance+unBalance"]]);
  assert.deepEqual(data.compositionSpells(fra, { unBalance: 1, armsBalance: 0 }), [
    [2019, 2021, "unBalance"],
  ]);
  // AZE: indexed 2019 and 2021 only: two spells (a gap is not a stretch).
  assert.deepEqual(
    data.compositionSpells(data.trajectoryOf(rows, "AZE", 2019, 2021), w).map((s) => [s[0], s[1]]),
    [
      [2019, 2019],
      [2021, 2021],
    ],
  );
  const svg = bandChart([
    { x: 2000, status: "data", value: 0.5, interval: [0.4, 0.6], group: "a+b" },
    { x: 2001, status: "data", value: 0.6, interval: [0.5, 0.7], group: "a+b" },
    { x: 2002, status: "data", value: 0.2, interval: [0.1, 0.3], group: "a" },
    { x: 2003, status: "data", value: 0.3, interval: [0.2, 0.4], group: "a" },
  ]);
  assert.deepEqual(
    [...svg.querySelectorAll("polyline.line")].map((l) => [
      l.getAttribute("data-from"),
      l.getAttribute("data-to"),
    ]),
    [
      ["2000", "2001"],
      ["2002", "2003"],
    ],
  );
  assert.deepEqual(
    [...svg.querySelectorAll("line.group-change")].map((l) => l.getAttribute("data-x")),
    ["2002"],
  );
  assert.equal(svg.querySelectorAll("polygon.band").length, 2);
  // The trajectory view says which inputs each stretch is made of.
  const el = atlasTrajectory(fra, { components: atlas.components, all: rows, weights: w });
  assert.match(
    el.querySelector(".composition")!.textContent!,
    /Inputs of the index in every year it has one: 2019–2021: armsBalance \+ unBalance\./,
  );
});
