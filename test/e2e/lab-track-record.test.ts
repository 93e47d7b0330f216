import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import type { TrackRecord } from "../../src/backtest/track-record.ts";
import { buildWeb, keepLocal, launch, openPage, type Server, startServer } from "./harness.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const SHOTS = `${ROOT}test-results/screenshots/`;
const SHIPPED = `${ROOT}data/models/backtest/track-record.json`;
let server: Server;
let browser: Awaited<ReturnType<typeof launch>>;
let context: BrowserContext;

before(async () => {
  buildWeb();
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer([], { waitForWarmUp: true });
  browser = await launch();
  context = browser.context;
  await keepLocal(context, { abort: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// The 404 of an absent track record is the answer under test, not a page error.
const openLab = () => openPage(context, `${server.url}/lab`, { ignore: /404/ });

/** Run the bargaining forecast with `model`; the result (forecast and track record) once drawn. */
async function forecast(page: Page, model: "smp" | "bdm") {
  const tool = page.locator(".tool-bargain");
  await tool.locator("#bg-model").selectOption(model);
  await tool.locator("button.run").click();
  await tool
    .locator(".lab-out .result, .lab-out .notice.error")
    .first()
    .waitFor({ timeout: 180_000 });
  assert.equal(
    await tool.locator(".lab-out .notice.error").count(),
    0,
    (await tool.textContent()) ?? "",
  );
  return tool.locator(".lab-out .result");
}

const one = (v: number) => v.toLocaleString("en-GB", { maximumFractionDigits: 1 });
const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)} %`);

for (const model of ["smp", "bdm"] as const)
  test(`Lab shows the ${model} track record of docs/backtest.md beside its bargaining forecast, or says none is shipped`, async () => {
    const { page, errors } = await openLab();
    const result = await forecast(page, model);
    const tr = result.locator(".track-record");
    await tr.waitFor();
    const text = (await tr.textContent()) ?? "";
    const res = await fetch(`${server.url}/api/backtest/track-record`);
    if (!existsSync(SHIPPED)) {
      assert.equal(res.status, 404);
      assert.match(text, /No track record ships with this server/);
      assert.equal(await tr.locator("table").count(), 0);
    } else {
      assert.equal(res.status, 200);
      // The numbers on the page are those of the shipped file (read here, not through the server).
      const file = JSON.parse(readFileSync(SHIPPED, "utf8")) as TrackRecord;
      const row = file.summary.find((s) => s.model === model);
      assert.ok(row, `the shipped track record scores ${model}`);
      const comp = file.summary.find((s) => s.model === "compromise");
      assert.equal(await tr.getAttribute("data-model"), model);
      assert.match(text, /docs\/backtest\.md/);
      assert.ok(text.includes(`Scored on ${row.n} issues`), text);
      assert.ok(text.includes(`by ${one(row.mae as number)} points on average`), text);
      if (comp) assert.ok(text.includes(`the compromise baseline by ${one(comp.mae as number)}`));
      const d = row.diffVsCompromise;
      if (d) {
        assert.ok(text.includes(`[${one(d.interval[0])}, ${one(d.interval[1])}]`), text);
        const verdict =
          d.interval[1] < 0
            ? "better than"
            : d.interval[0] > 0
              ? "worse than"
              : "not distinguishable from";
        assert.ok(text.includes(`${verdict} the compromise baseline`), text);
      }
      assert.ok(text.includes(`Within 10 points of the outcome: ${pct(row.within10)}`));
      const b90 = file.calibration.find((c) => c.model === model && c.band === 0.9);
      if (b90) assert.ok(text.includes(`${pct(b90.coverage)} (90 % band)`), text);
      // Table: the model first, then the baselines present in the file, each with its MAE.
      const cells = await tr
        .locator("tbody tr")
        .evaluateAll((rows) =>
          rows.map((r) => [...r.querySelectorAll("td,th")].map((c) => c.textContent ?? "")),
        );
      const expected = [model, ...["compromise", "median", "mean", "statusquo"]].flatMap((m) =>
        file.summary.filter((s) => s.model === m),
      );
      assert.equal(cells.length, expected.length);
      for (const [k, c] of cells.entries()) assert.equal(c[2], one(expected[k].mae as number));
      // The calibration plot of docs/backtest-calibration.svg: one point per scored band of the
      // shipped file, at its share, with n; none when no band was scored.
      const scored = file.calibration.filter((c) => c.coverage !== null && c.n > 0);
      const fig = tr.locator("figure.calibration-figure");
      assert.equal(await fig.count(), scored.length ? 1 : 0);
      if (scored.length) {
        assert.equal(await fig.locator("svg g.point").count(), scored.length);
        for (const c of scored) {
          const g = fig.locator(`svg g.point[data-model="${c.model}"][data-band="${c.band}"]`);
          assert.equal(Number(await g.getAttribute("data-coverage")), c.coverage);
          assert.equal(Number(await g.getAttribute("data-n")), c.n);
          assert.ok(
            ((await g.textContent()) ?? "").includes(`${pct(c.coverage)} (n = ${c.n})`),
            `${c.model} ${c.band}`,
          );
        }
        assert.equal(
          await fig.locator("svg line.diagonal").count(),
          new Set(scored.map((c) => c.model)).size,
        );
        const box = await fig.locator("svg").boundingBox();
        assert.ok(box && box.width > 200 && box.height > 100, JSON.stringify(box));
      }
    }
    await page.screenshot({ path: `${SHOTS}lab-track-record-${model}.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

test("Lab says the forecast is unscored when the server answers the track record with 404, and shows no numbers", async () => {
  const { page, errors } = await openLab();
  await page.route("**/api/backtest/track-record", (route) =>
    route.fulfill({
      status: 404,
      contentType: "application/json",
      body: JSON.stringify({
        error: "no track record: data/models/backtest/track-record.json does not exist",
      }),
    }),
  );
  const result = await forecast(page, "smp");
  const tr = result.locator(".track-record");
  assert.match((await tr.textContent()) ?? "", /No track record ships with this server.*untested/);
  assert.equal(await tr.locator("table").count(), 0);
  assert.equal(await tr.locator("svg").count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
