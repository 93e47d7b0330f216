import assert from "node:assert/strict";
import { test } from "node:test";
import {
  corridorHtml,
  corridorMarkdown,
  type ReportCorridor,
  reportCorridor,
} from "../../src/report/corridor-leverage.ts";

const hand: ReportCorridor = {
  draws: 40,
  seed: 1,
  level: 0.9,
  rows: [
    {
      year: 2024,
      network: "transport",
      shapleyShare: 0.176,
      interval: [0.175, 0.177],
      assumptionDriven: true,
      drivenReason: "risk <RUS> alone moves it | a lot",
      drivenBy: "risk RUS",
    },
    {
      year: 2024,
      network: "gas",
      shapleyShare: 0.462,
      interval: [0.462, 0.462],
      assumptionDriven: false,
      drivenReason: null,
      drivenBy: null,
    },
  ],
  tornado: [
    {
      year: 2024,
      network: "transport",
      central: 0.176,
      bars: [
        {
          assumption: "risk RUS",
          low: 0.02,
          high: 0.3,
          shareAtLow: 0.013,
          shareAtHigh: 0.176,
          swing: 0.163,
        },
        {
          assumption: "risk IRN",
          low: 0.08,
          high: 0.3,
          shareAtLow: null,
          shareAtHigh: 0.176,
          swing: 0,
        },
      ],
    },
    {
      year: 2024,
      network: "gas",
      central: 0.462,
      bars: [
        {
          assumption: "risk BAB",
          low: 0.1,
          high: 0.5,
          shareAtLow: 0.462,
          shareAtHigh: 0.462,
          swing: 0,
        },
      ],
    },
  ],
  missing: [{ network: "gas", years: [2011, 2012] }],
  assumptionsFile: "data/networks/eurasia/assumption-ranges.csv",
};

test("the report's corridor section (Markdown) gives share, interval and flag per row, and the tornado table", () => {
  const md = corridorMarkdown(hand, "Azerbaijan");
  assert.match(md, /90 % interval over 40 seeded draws \(seed 1\)/);
  assert.match(md, /1 of 2 figures are assumption-driven/);
  assert.match(
    md,
    /\| 2024 \| transport \| 0\.176 \| 0\.175–0\.177 \| \*\*assumption-driven\*\*: risk <RUS> alone moves it \\\| a lot \|/,
  );
  assert.match(md, /\| 2024 \| gas \| 0\.462 \| 0\.462–0\.462 \| {2}\|/);
  assert.match(md, /\| risk RUS \(0\.02–0\.3\) \| 0\.013 \| 0\.176 \| 0\.163 \|/);
  // An undefined end is a dash, never 0.
  assert.match(md, /\| risk IRN \(0\.08–0\.3\) \| — \| 0\.176 \| 0 \|/);
  // A tornado in which nothing moves is one sentence, not a table of zeros.
  assert.match(md, /Tornado, gas 2024: no assumption with a range moves the share \(0\.462\)/);
  assert.match(md, /gas: no data for 2011, 2012 \(missing, not zero\)/);
  assert.match(corridorMarkdown(null, "Brazil"), /^> Not available: Brazil lies on no route/);
});

test("the report's corridor section (HTML) escapes text and marks flagged rows", () => {
  const html = corridorHtml(hand, "Azerbaijan");
  assert.match(
    html,
    /<tr class="driven"><td>2024<\/td><td>transport<\/td><td class="num">0\.176<\/td><td class="num">0\.175–0\.177<\/td><td><strong>assumption-driven<\/strong> <small>risk &lt;RUS&gt; alone moves it \| a lot<\/small>/,
  );
  assert.equal((html.match(/class="driven"/g) ?? []).length, 1);
  assert.match(html, /<h3>Tornado, transport 2024<\/h3>/);
  assert.doesNotMatch(html, /<h3>Tornado, gas/);
  assert.doesNotMatch(html, /<RUS>/);
});

test("reportCorridor on the shipped network: Azerbaijan 2024 has both networks, intervals around the share, the transport share flagged with the assumption that moves it most", async () => {
  const c = (await reportCorridor("AZE", 2024, 2024))!;
  assert.deepEqual(
    c.rows.map((r) => r.network),
    ["gas", "transport"],
  );
  for (const r of c.rows) {
    assert.ok(r.interval, `${r.network} interval`);
    assert.ok(r.interval[0] <= r.shapleyShare! && r.shapleyShare! <= r.interval[1]);
  }
  // The transport share is flagged, and `drivenBy` is the assumption whose end moves it most
  // (recomputed here from the tornado table).
  const t = c.rows.find((r) => r.network === "transport")!;
  assert.equal(t.assumptionDriven, true);
  const tt = c.tornado.find((x) => x.network === "transport")!;
  assert.equal(tt.year, 2024);
  const move = (b: (typeof tt.bars)[number]) =>
    Math.max(
      Math.abs((b.shareAtLow ?? Infinity) - tt.central),
      Math.abs((b.shareAtHigh ?? Infinity) - tt.central),
    );
  const top = [...tt.bars].sort((a, b) => move(b) - move(a))[0];
  assert.equal(t.drivenBy, top.assumption);
  // A state on no route of either network has no section (the report says so).
  assert.equal(await reportCorridor("BRA", 2024, 2024), null);
});
