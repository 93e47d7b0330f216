// The dashboard's render helpers, run in Node on a linkedom document (no browser): what a person
// sees for measured, partial and missing cells, whiskers, the comparison and the claims. The
// fixtures are shaped exactly like TEAM.md interfaces 2, 7 and 8 (hand-made, not measurements).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parseHTML } from "linkedom";

const { document, window } = parseHTML("<!doctype html><html><body></body></html>");
Object.assign(globalThis, { document, window, Node: window.Node });

const { scorecardCells, statusOf, intervalOf, cellText, withInterval } = await import(
  "../../web/src/measured.ts"
);
const { scorecardGrid, moveInGrid, gridLayout } = await import(
  "../../web/src/views/scorecard-grid.ts"
);
const { cellDetail } = await import("../../web/src/views/cell-detail.ts");
const { intervalChart, measuredRuns } = await import("../../web/src/views/interval-chart.ts");
const { changeText, comparisonAnswer, comparisonPanel, defaultCompare, parseCompare } =
  await import("../../web/src/views/comparison.ts");
const { claimsList, claimsToShow, verdictBadge } = await import("../../web/src/views/claims.ts");
const { VERDICTS } = await import("../../web/src/types.ts");

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8"));
const card = fixture("scorecard-team.json");
const claims = fixture("claims-team.json");

test("statusOf reads only the three statuses; anything else is 'not measured'", () => {
  assert.equal(statusOf({ status: "data" }), "data");
  assert.equal(statusOf({ status: "partial" }), "partial");
  assert.equal(statusOf({ status: "no data" }), "no data");
  for (const x of [{}, { status: "DATA" }, { status: 1 }, null, undefined, { score: 50 }])
    assert.equal(statusOf(x), "not measured");
});

test("intervalOf keeps only finite [lo, hi] with lo ≤ hi", () => {
  assert.deepEqual(intervalOf([1, 2]), [1, 2]);
  assert.deepEqual(intervalOf([2, 2]), [2, 2]);
  for (const x of [[2, 1], [1], [1, 2, 3], [Number.NaN, 1], ["1", "2"], null, undefined, {}])
    assert.equal(intervalOf(x), null);
});

test("scorecardCells never keeps a score the server did not mark as data", () => {
  const cells = scorecardCells({
    cells: [
      { year: 2020, level: "regional", pillar: "leverage", score: 40, coverage: 1 },
      { year: 2021, level: "regional", pillar: "leverage", status: "partial", score: 33 },
      { year: 2022, level: "regional", pillar: "leverage", status: "data", score: 0 },
    ],
    overall: [{ year: 2020, level: "regional", score: 100, coverage: 0.25 }],
  });
  assert.deepEqual(
    cells.map((c) => [c.year, c.pillar, c.status, c.score]),
    [
      [2020, "leverage", "not measured", null],
      [2021, "leverage", "partial", null],
      [2022, "leverage", "data", 0],
      [2020, "overall", "not measured", null],
    ],
  );
  // A real 0 with status "data" is a measurement and shows as 0; a missing one shows no digit.
  assert.equal(cellText(cells[2]), "0");
  assert.equal(cellText(cells[0]), "?");
  assert.equal(cellText(cells[1]), "◐");
});

test("the scorecard grid colours exactly the cells with status 'data' and a score", () => {
  const cells = scorecardCells(card);
  const grid = scorecardGrid(cells);
  const tds = [...grid.querySelectorAll("td[role=gridcell]")];
  // 2 pillars + overall, 2 levels, 4 years.
  assert.equal(tds.length, 3 * 2 * 4);
  const all = [
    ...card.cells,
    ...card.overall.map((o: object) => ({ ...o, pillar: "overall" })),
  ] as { year: number; level: string; pillar: string; status: string; score: number | null }[];
  for (const c of all) {
    const td = grid.querySelector(
      `td[data-year="${c.year}"][data-level="${c.level}"][data-pillar="${c.pillar}"]`,
    );
    assert.ok(td, `${c.pillar} ${c.level} ${c.year} drawn`);
    const style = td.getAttribute("style") ?? "";
    const visible = td.querySelector("[aria-hidden]")?.textContent ?? "";
    if (c.status === "data" && c.score !== null) {
      assert.match(style, /background:hsl\(/, `${c.pillar} ${c.year} coloured`);
      assert.equal(visible, String(Math.round(c.score)));
      assert.ok(!td.classList.contains("missing-cell"));
    } else {
      assert.equal(style, "", `${c.pillar} ${c.level} ${c.year} (${c.status}) not coloured`);
      assert.ok(td.classList.contains("missing-cell"), "hatched");
      assert.doesNotMatch(visible, /\d/, "no number shown");
      assert.equal(td.getAttribute("data-status"), c.status);
    }
  }
});

test("the scorecard grid is one tab stop, and its labels carry status and interval", () => {
  const grid = scorecardGrid(scorecardCells(card));
  assert.equal(grid.getAttribute("role"), "grid");
  const stops = [...grid.querySelectorAll("[tabindex]")].filter(
    (e) => e.getAttribute("tabindex") === "0",
  );
  assert.equal(stops.length, 1);
  assert.equal(grid.querySelectorAll("button, a, input").length, 0, "no other focusable element");
  const cell = grid.querySelector(
    'td[data-year="2019"][data-level="neighbourhood"][data-pillar="autonomy"]',
  )!;
  assert.equal(cell.getAttribute("title"), "autonomy, neighbourhood, 2019: 62 (interval 55 to 70)");
  const partial = grid.querySelector(
    'td[data-year="2021"][data-level="neighbourhood"][data-pillar="autonomy"]',
  )!;
  assert.match(partial.querySelector(".sr-only")!.textContent!, /partial data, not scored/);
});

test("gridLayout puts overall last and the levels in their fixed order", () => {
  const { rows, years } = gridLayout(scorecardCells(card));
  assert.deepEqual(years, [2019, 2020, 2021, 2022]);
  assert.deepEqual(
    rows.map((r) => `${r.pillar}/${r.level}`),
    [
      "autonomy/neighbourhood",
      "autonomy/regional",
      "leverage/neighbourhood",
      "leverage/regional",
      "overall/neighbourhood",
      "overall/regional",
    ],
  );
});

test("moveInGrid stays inside the grid for every cell and key (brute force)", () => {
  const last = { r: 4, c: 6 };
  const keys = [
    "ArrowUp",
    "ArrowDown",
    "ArrowLeft",
    "ArrowRight",
    "Home",
    "End",
    "PageUp",
    "PageDown",
  ];
  for (let r = 0; r <= last.r; r++)
    for (let c = 0; c <= last.c; c++)
      for (const k of keys)
        for (const ctrl of [false, true]) {
          const n = moveInGrid({ r, c }, k, last, ctrl)!;
          assert.ok(n.r >= 0 && n.r <= last.r && n.c >= 0 && n.c <= last.c, `${k} from ${r},${c}`);
        }
  assert.deepEqual(moveInGrid({ r: 1, c: 1 }, "ArrowRight", last), { r: 1, c: 2 });
  assert.deepEqual(moveInGrid({ r: 1, c: 6 }, "ArrowRight", last), { r: 1, c: 6 });
  assert.deepEqual(moveInGrid({ r: 1, c: 1 }, "ArrowDown", last), { r: 2, c: 1 });
  assert.deepEqual(moveInGrid({ r: 3, c: 3 }, "Home", last, true), { r: 0, c: 0 });
  assert.deepEqual(moveInGrid({ r: 3, c: 3 }, "End", last), { r: 3, c: 6 });
  assert.equal(moveInGrid({ r: 0, c: 0 }, "a", last), null);
});

test("a cell's detail shows each input's status; a partial input's number is 'not used', never its value", () => {
  const cell = scorecardCells(card).find(
    (c) => c.year === 2021 && c.pillar === "autonomy" && c.level === "neighbourhood",
  )!;
  const el = cellDetail(cell);
  assert.match(el.querySelector("h3")!.textContent!, /autonomy · neighbourhood · 2021 partial/);
  assert.match(el.querySelector(".cell-score")!.textContent!, /not scored: partial data/);
  const gas = el.querySelector('tr[data-key="autonomy.gas"]')!;
  const tds = [...gas.querySelectorAll("td")].map((t) => t.textContent);
  assert.equal(tds[0], "partial");
  assert.equal(tds[1], "—");
  assert.equal(tds[3], "1", "the raw figure sits in 'reported, not used'");
  const arms = el.querySelector('tr[data-key="autonomy.arms"]')!;
  assert.equal(arms.querySelectorAll("td")[1].textContent, "0.500 (interval 0.400 to 0.600)");
});

test("withInterval says when no interval was reported", () => {
  assert.equal(withInterval(62, [55, 70], 0), "62 (interval 55 to 70)");
  assert.equal(withInterval(62, null, 0), "62 (no interval reported)");
  assert.equal(withInterval(null, [1, 2]), "—");
});

test("the time-series chart draws one whisker per interval at the right height, and breaks lines at gaps", () => {
  const pts = [
    { x: 2019, status: "data" as const, value: 62, interval: [55, 70] as [number, number] },
    { x: 2020, status: "data" as const, value: 58, interval: [50, 66] as [number, number] },
    { x: 2021, status: "partial" as const, value: null, interval: null },
    { x: 2022, status: "data" as const, value: 60, interval: null },
  ];
  const svg = intervalChart([{ name: "neighbourhood", colour: "#000", points: pts }], {
    width: 330,
    height: 170,
    yDomain: [0, 100],
  });
  const whiskers = [...svg.querySelectorAll("g.whisker")];
  assert.equal(whiskers.length, 2);
  // Independent mapping: plot area 18..148 px (170 − 18 − 22 = 130 px tall), 0 at the bottom.
  const y = (v: number) => 18 + 130 - (v / 100) * 130;
  const first = whiskers[0].querySelector("line")!;
  assert.equal(Number(first.getAttribute("y1")), Math.round(y(55) * 100) / 100);
  assert.equal(Number(first.getAttribute("y2")), Math.round(y(70) * 100) / 100);
  assert.equal(svg.querySelectorAll("circle.pt").length, 3);
  assert.equal(svg.querySelectorAll("rect.gap").length, 1);
  const lines = [...svg.querySelectorAll("polyline")];
  assert.equal(lines.length, 1, "2019–2020 joined; 2022 stands alone after the gap");
  assert.equal(lines[0].getAttribute("points")!.split(" ").length, 2);
  assert.deepEqual(
    measuredRuns(pts).map((r) => r.map((p) => p.x)),
    [[2019, 2020], [2022]],
  );
});

test("comparison rows read as a measured change with its interval, or 'not measurable: X and Y …'", () => {
  const [a, b, c] = card.comparison.rows;
  assert.deepEqual(comparisonAnswer(a), {
    kind: "measured",
    text: "change −5.0 (interval −9.0 to −1.0)",
  });
  assert.deepEqual(comparisonAnswer(b), {
    kind: "not measurable",
    text: "not measurable: leverage.exportReach (ends in 2020) and leverage.mediation (not curated before 2025)",
  });
  // The server's own words win when it gives them; the change and interval are shown beside.
  assert.equal(comparisonAnswer(c).text, "inconclusive");
  assert.equal(changeText(c), "change +5.0 (interval −3.0 to +13.0)");
  assert.equal(changeText(b), null);
  // Missing fields are "not measured", never a change of 0.
  for (const row of [
    { level: "x", pillar: "y" },
    { level: "x", pillar: "y", status: "data" as const },
    { level: "x", pillar: "y", delta: 0 },
  ])
    assert.equal(comparisonAnswer(row).kind, "not measured");
});

test("the comparison panel shows no before/after figures for a row that is not measurable", () => {
  const el = comparisonPanel(card.comparison);
  const rows = [...el.querySelectorAll("li.cmp-row")];
  assert.equal(rows.length, 3);
  assert.deepEqual(
    rows.map((r) => r.getAttribute("data-kind")),
    ["measured", "not measurable", "measured"],
  );
  assert.equal(rows[1].querySelector(".cmp-change"), null);
  assert.equal(
    rows[0].querySelector(".cmp-change")!.textContent,
    "60.0 → 55.0: change −5.0 (interval −9.0 to −1.0)",
  );
  assert.match(el.textContent!, /between 2019–2020 and 2021–2022/);
  assert.match(el.textContent!, /2 measured, 1 not measurable, 0 not measured/);
  assert.match(
    comparisonPanel(undefined).textContent!,
    /did not return a like-for-like comparison/,
  );
});

test("defaultCompare splits around 2020 when the range spans it; parseCompare checks the range", () => {
  assert.equal(defaultCompare(2011, 2025), "2011-2019:2021-2025");
  assert.equal(defaultCompare(2000, 2010), "2000-2005:2006-2010");
  assert.equal(defaultCompare(2015, 2015), "");
  assert.deepEqual(parseCompare("2011-2019:2021-2024", 2011, 2025), {
    before: [2011, 2019],
    after: [2021, 2024],
  });
  for (const s of [
    "2011-2019",
    "2019-2011:2021-2024",
    "2011-2021:2020-2024",
    "2005-2019:2021-2024",
  ])
    assert.equal(parseCompare(s, 2011, 2025), null, s);
});

test("claims are shown only for the scenario's focal state, each with its verdict badge and interval", () => {
  assert.equal(claimsToShow(claims, "AZE", "AZE").show.length, 5);
  const other = claimsToShow(claims, "KAZ", "AZE");
  assert.equal(other.show.length, 0);
  assert.match(other.why!, /about AZE/);
  assert.equal(claimsToShow({ scenario: "x", claims: [] }, "KAZ", "KAZ").show.length, 0);
  // Without a `focal` field, the scenario's focal state decides.
  assert.equal(claimsToShow({ scenario: "x", claims: claims.claims }, "KAZ", "AZE").show.length, 0);
  const el = claimsList(claims, "AZE", "AZE");
  const items = [...el.querySelectorAll("li.claim")];
  assert.deepEqual(
    items.map((li) => li.querySelector(".verdict-badge")!.className),
    VERDICTS.map((v) => `verdict-badge verdict-${v.replace(/ /g, "-")}`),
  );
  assert.equal(
    items[0].querySelector(".claim-interval")!.textContent,
    "value -0.30, interval -0.45 to -0.15 (90% bootstrap interval (events resampled, seed 1, 1000 draws))",
  );
  assert.match(items[0].textContent!, /Rule: supported if the score falls by more than 0\.05/);
  assert.match(items[0].textContent!, /Periods: before: 2024-12-01; after: 2025-01 to 2025-12/);
  assert.match(items[0].textContent!, /holds in 88% of 200 draws/);
  assert.doesNotMatch(items[0].textContent!, /Before the uncertainty checks/);
  assert.match(items[3].textContent!, /Before the uncertainty checks the verdict was "supported"/);
  assert.equal(items[1].querySelector(".claim-interval")!.textContent, "interval 1.10 to 1.60");
  assert.equal(
    items[4].querySelector(".claim-interval")!.textContent,
    "no interval (no number compared)",
  );
  assert.match(items[4].textContent!, /Dropped: leverage\.exportReach \(ends in 2020\)/);
  assert.match(claimsList(claims, "KAZ", "AZE").textContent!, /shown only when AZE is the focal/);
});

test("an unknown verdict is flagged, not dressed as one of the five", () => {
  const b = verdictBadge("probably");
  assert.equal(b.className, "verdict-badge verdict-unknown");
  assert.match(b.textContent!, /unknown verdict/);
});

const { relationPoints, alignmentSeries, alignmentChart, relationChart } = await import(
  "../../web/src/views/dyad-charts.ts"
);

test("relation rows (interface 4) are drawn only where the status is 'data', with their intervals", () => {
  const rows = [
    { period: "2019", n: 4, status: "data", score: 0.25, interval: [0.1, 0.4] },
    { period: "2020", n: 0, status: "no data", score: null, interval: null },
    { period: "2021", n: 3, score: 0.13 },
    { period: "2022", n: 2, status: "data", score: -0.2, interval: [-0.5, 0.05] },
  ];
  assert.deepEqual(relationPoints(rows), [
    { x: 2019, status: "data", value: 0.25, interval: [0.1, 0.4] },
    { x: 2020, status: "no data", value: null, interval: null },
    { x: 2021, status: "not measured", value: null, interval: null },
    { x: 2022, status: "data", value: -0.2, interval: [-0.5, 0.05] },
  ]);
  const el = relationChart(rows, "AZE", "RUS");
  assert.equal(el.querySelectorAll("g.whisker").length, 2);
  assert.equal(el.querySelectorAll("rect.gap").length, 2);
  // The unstated 2021 score is listed struck through, not drawn.
  assert.equal(el.querySelector("span.reported")?.textContent, "0.13");
});

test("relation rows as /api/relations sends them (scoreStatus, scoreInterval) are drawn the same way", () => {
  const rows = [
    { period: "2024", n: 5, scoreStatus: "data", score: 0.12, scoreInterval: [-0.2, 0.45] },
    { period: "2025", n: 0, scoreStatus: "no data", score: 0.05, scoreInterval: null },
  ];
  assert.deepEqual(relationPoints(rows), [
    { x: 2024, status: "data", value: 0.12, interval: [-0.2, 0.45] },
    { x: 2025, status: "no data", value: null, interval: null },
  ]);
});

test("alignment rows (interface 5) below the minimum of roll calls are gaps, one series per partner", () => {
  const rows = [
    {
      year: 2019,
      a: "AZE",
      b: "RUS",
      n: 82,
      status: "data",
      minRollCalls: 40,
      agreement: 0.76,
      intervals: { agreement: [0.7, 0.82] },
    },
    {
      year: 2020,
      a: "AZE",
      b: "RUS",
      n: 1,
      status: "no data",
      minRollCalls: 40,
      agreement: null,
      intervals: { agreement: null },
    },
    {
      year: 2019,
      a: "AZE",
      b: "USA",
      n: 82,
      status: "data",
      minRollCalls: 40,
      agreement: 0.3,
      intervals: { agreement: [0.22, 0.38] },
    },
  ];
  const s = alignmentSeries(rows);
  assert.deepEqual(
    s.map((x) => [x.name, x.points.map((p) => [p.x, p.status, p.value])]),
    [
      [
        "RUS",
        [
          [2019, "data", 0.76],
          [2020, "no data", null],
        ],
      ],
      ["USA", [[2019, "data", 0.3]]],
    ],
  );
  const el = alignmentChart(rows, "AZE");
  assert.equal(el.querySelectorAll("g.whisker").length, 2);
  assert.equal(el.querySelectorAll("circle.pt").length, 2);
  assert.match(el.textContent!, /1 \(min 40\)/);
});
