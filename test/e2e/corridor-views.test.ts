// The Map's corridor views in Node on a linkedom document (no browser): the tornado's bars at the
// positions an independent mapping gives, undefined ends said in words, the SVG stable for the same
// input (snapshot by value), the leverage headline with interval and flag, and the routes table's
// flows with intervals only where the server sends them. Fixtures are hand-made rows shaped like
// `corridors leverage --json` and `corridors compare --json`.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseHTML } from "linkedom";

const { document, window } = parseHTML("<!doctype html><html><body></body></html>");
Object.assign(globalThis, { document, window, Node: window.Node });

const { tornadoChart, tornadoMax, TORNADO_DEFAULTS, TORNADO_MARGIN } = await import(
  "../../web/src/views/corridor-tornado.ts"
);
const { leverageHeadline, headlineYear, leverageTable } = await import(
  "../../web/src/views/corridor-leverage.ts"
);
const { flowText, routesTable } = await import("../../web/src/views/corridor-routes.ts");

const bar = (
  assumption: string,
  low: number,
  high: number,
  shareAtLow: number | null,
  shareAtHigh: number | null,
) => ({
  assumption,
  low,
  central: (low + high) / 2,
  high,
  shareAtLow,
  shareAtHigh,
  swing: shareAtLow !== null && shareAtHigh !== null ? Math.abs(shareAtHigh - shareAtLow) : 0,
  reasoning: "hand-made",
});

const BARS = [
  bar("russia-belarus-sanctions", 0.02, 0.3, 0.013, 0.176),
  bar("cargo value", 25000, 100000, 0.174, 0.177),
  bar("risk IRN", 0.08, 0.3, null, 0.2),
];

test("tornadoMax rounds the largest value shown up to 1, 2 or 5 × 10^k (0.1 when nothing is above 0)", () => {
  assert.equal(tornadoMax(BARS, 0.176), 0.2);
  assert.equal(tornadoMax([bar("a", 0, 1, 0.31, 0.3)], 0.3), 0.5);
  assert.equal(tornadoMax([bar("a", 0, 1, 0.00078, 0.0041)], 0.0014), 0.005);
  assert.equal(tornadoMax([bar("a", 0, 1, 0.5, 1)], 0.7), 1);
  assert.equal(tornadoMax([bar("a", 0, 1, 0.002, 0.001)], 0.002), 0.002);
  assert.equal(tornadoMax([bar("a", 0, 1, 0, 0)], 0), 0.1);
});

test("tornado bars run from the central value to each end at the positions of a linear 0..max axis", () => {
  const svg = tornadoChart(BARS, 0.176);
  const { left, width, bar: bh } = TORNADO_DEFAULTS;
  // Independent mapping: the plot spans x = left .. width − right margin for 0 .. 0.2; each row is
  // a label line, then the bar.
  const x = (v: number) => left + ((width - TORNADO_MARGIN.right - left) * v) / 0.2;
  const row = TORNADO_MARGIN.labelHeight + bh + TORNADO_MARGIN.gap;
  const groups = [...svg.querySelectorAll("g.tornado-bar")];
  assert.deepEqual(
    groups.map((g) => g.getAttribute("data-assumption")),
    BARS.map((b) => b.assumption),
  );
  const low = groups[0].querySelector("rect.tornado-low")!;
  const high = groups[0].querySelector("rect.tornado-high")!;
  const near = (a: string | null, b: number) =>
    assert.ok(Math.abs(Number(a) - b) < 1e-9, `${a} ≠ ${b}`);
  near(low.getAttribute("x"), x(0.013));
  near(low.getAttribute("width"), x(0.176) - x(0.013));
  near(high.getAttribute("x"), x(0.176));
  near(high.getAttribute("width"), 0);
  near(low.getAttribute("height"), bh);
  // Bars below their labels, one row apart.
  near(low.getAttribute("y"), TORNADO_MARGIN.top + TORNADO_MARGIN.labelHeight);
  near(
    groups[1].querySelector("rect")!.getAttribute("y"),
    TORNADO_MARGIN.top + row + TORNADO_MARGIN.labelHeight,
  );
  // The central line sits at the central value.
  near(svg.querySelector("line.tornado-central")!.getAttribute("x1"), x(0.176));
  // An undefined end is said, never drawn as a bar to 0.
  assert.equal(groups[2].querySelectorAll("rect.tornado-low").length, 0);
  assert.match(
    groups[2].querySelector("text.tornado-undefined")!.textContent ?? "",
    /low: undefined/,
  );
  // Hover titles carry the exact values.
  assert.match(
    low.querySelector("title")!.textContent ?? "",
    /low end \(0\.02\): 0\.013 \(central 0\.176\)/,
  );
});

test("the same bars give the same SVG (snapshot by value), different bars a different one", () => {
  const a = tornadoChart(BARS, 0.176, { title: "t" }).outerHTML;
  const b = tornadoChart(structuredClone(BARS), 0.176, { title: "t" }).outerHTML;
  assert.equal(a, b);
  const c = tornadoChart([BARS[1], BARS[0]], 0.176, { title: "t" }).outerHTML;
  assert.notEqual(a, c);
  // What the snapshot holds: three bar groups, two rects for each fully defined bar, one title.
  assert.equal((a.match(/class="tornado-bar"/g) ?? []).length, 3);
  assert.equal((a.match(/<rect /g) ?? []).length, 5);
  assert.equal((a.match(/class="chart-title"/g) ?? []).length, 1);
});

const row = (over: object) => ({
  year: 2024,
  network: "transport" as const,
  routeBetweenness: 0.238,
  bypassCost: 1.5e8,
  bypassCostPerUnit: 150,
  shapley: 2.6e7,
  shapleyShare: 0.176,
  costUnit: "USD/yr",
  demand: {},
  demandMissing: [],
  players: ["AZE"],
  grandValue: 1,
  draws: 40,
  seed: 1,
  level: 0.9,
  assumptions: [],
  shapleyInterval: [1, 2] as [number, number],
  shapleyShareInterval: [0.175, 0.177] as [number, number],
  bypassCostInterval: [1, 2] as [number, number],
  routeBetweennessInterval: [0.2, 0.3] as [number, number],
  assumptionDriven: true,
  drivenReason: "russia-belarus-sanctions alone moves it from 0.176 to 0.013 (at 0.02)",
  drivenBy: "russia-belarus-sanctions",
  tornado: BARS,
  ...over,
});

test("the leverage headline gives the share with its interval and draws, the flag with its reason, and the tornado", () => {
  const el = leverageHeadline(row({}), "Azerbaijan");
  const text = el.textContent ?? "";
  assert.match(
    text,
    /Azerbaijan, transport 2024: Shapley share of the transit value 0\.176 \(90 % interval 0\.175 to 0\.177\) over 40 seeded draws/,
  );
  assert.equal(el.getAttribute("data-driven"), "true");
  assert.equal(el.querySelectorAll(".assumption-driven").length, 1);
  assert.match(text, /Why flagged: russia-belarus-sanctions alone moves it/);
  assert.equal(el.querySelectorAll("svg.tornado g.tornado-bar").length, 3);
  // Not flagged, no moving assumption: no badge, no chart, and it says why.
  const flat = leverageHeadline(
    row({
      network: "gas",
      assumptionDriven: false,
      drivenReason: null,
      tornado: [bar("risk BAB", 0.1, 0.5, 0.46, 0.46)],
      shapleyShare: 0.46,
      shapleyShareInterval: [0.46, 0.46],
    }),
    "Azerbaijan",
  );
  assert.equal(flat.querySelectorAll(".assumption-driven, svg.tornado").length, 0);
  assert.match(flat.textContent ?? "", /No assumption with a range moves the gas share in 2024/);
  // Without draws: the share alone, said to have no interval.
  const point = leverageHeadline(
    row({
      draws: undefined,
      shapleyShareInterval: undefined,
      tornado: undefined,
      assumptionDriven: undefined,
    }),
    "Azerbaijan",
  );
  assert.match(point.textContent ?? "", /0\.176 \(no interval reported\)/);
});

test("the headline year is the map's year when covered, else the latest", () => {
  const rows = [row({ year: 2022 }), row({ year: 2024 })];
  assert.equal(headlineYear(rows, 2022), 2022);
  assert.equal(headlineYear(rows, 2011), 2024);
  assert.equal(headlineYear([], 2024), null);
});

test("the leverage table carries the share interval and the flag per row", () => {
  const t = leverageTable([row({}), row({ year: 2023, assumptionDriven: false })]);
  const rows = [...t.querySelectorAll("tbody tr")].map((tr) =>
    [...tr.querySelectorAll("td")].map((td) => td.textContent),
  );
  assert.equal(rows[0][6], "0.175–0.177");
  assert.equal(rows[0][7], "assumption-driven");
  assert.equal(rows[1][7], "");
});

test("route flows show an interval only where the server sends one, and a missing flow as missing", () => {
  const route = (flowTEU: number | null, flowTEUInterval?: [number, number]) => ({
    id: "R",
    name: "Route",
    corridor: "Middle",
    countries: ["CHN", "AZE", "DEU"],
    modes: ["rail"],
    timeDays: [18, 23] as [number, number],
    timeDefinition: null,
    costUsd: 2875,
    costRangeUsd: null,
    costUnit: "USD/FEU",
    capacity: 100000,
    capacityUnbounded: false,
    capacityUnit: "TEU/yr",
    capacityLink: null,
    capacityUnknown: [],
    risk: 0.05,
    generalizedCost: 1,
    status: "operating" as const,
    sources: [],
    assumptions: [],
    flowTEU,
    ...(flowTEUInterval !== undefined ? { flowTEUInterval } : {}),
  });
  assert.equal(flowText(route(56500.4)), "56,500");
  assert.equal(flowText(route(56500, [40000, 70000.6])), "56,500 (interval 40,000–70,001)");
  assert.equal(flowText(route(null)), null);
  const t = routesTable([route(null), route(1000)], (c) => c);
  const cells = [...t.querySelectorAll("tbody tr")].map((tr) =>
    [...tr.querySelectorAll("td")].map((td) => td.textContent),
  );
  assert.equal(cells[0][5], "—");
  assert.equal(cells[1][5], "1,000");
  assert.equal(cells[1][1], "CHN → AZE → DEU");
});

test("a scorecard cell's detail badges an assumption-driven input (only one with data), its note as the reason", async () => {
  const { scorecardCells } = await import("../../web/src/measured.ts");
  const { cellDetail } = await import("../../web/src/views/cell-detail.ts");
  const input = (over: object) => ({
    key: "leverage.corridor",
    status: "data",
    value: 0.32,
    interval: [0.31, 0.33],
    weight: 1,
    source: "corridor leverage",
    note: "assumption-driven: risk RUS alone moves it",
    assumptionDriven: true,
    ...over,
  });
  const [cell] = scorecardCells({
    cells: [
      {
        year: 2024,
        level: "regional",
        pillar: "leverage",
        status: "data",
        score: 32,
        interval: [31, 33],
        coverage: 1,
        inputs: [
          input({}),
          input({ key: "other", status: "partial", value: null }),
          input({ key: "plain", assumptionDriven: false }),
        ],
      },
    ],
  });
  const el = cellDetail(cell);
  const badges = [...el.querySelectorAll("tr[data-key] .assumption-driven")];
  assert.equal(badges.length, 1);
  assert.equal(badges[0].closest("tr")!.getAttribute("data-key"), "leverage.corridor");
  assert.equal(badges[0].getAttribute("title"), "assumption-driven: risk RUS alone moves it");
});
