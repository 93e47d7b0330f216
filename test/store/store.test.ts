import assert from "node:assert/strict";
import { test } from "node:test";
import { loadScenario } from "../../src/data/load-scenario.ts";
import { putScenario } from "../../src/store/put-scenario.ts";
import { Store } from "../../src/store/store.ts";

const MINI = new URL("../data/scenarios/mini/", import.meta.url).pathname;

test("putScenario stores every record and replaces an earlier copy instead of doubling it", async () => {
  const store = await Store.open(":memory:");
  try {
    const s = loadScenario(MINI);
    await putScenario(store, s);
    await putScenario(store, s);
    const [c] = await store.all<{ n: number }>(
      "SELECT count(*) AS n FROM events WHERE scenario = 'mini'",
    );
    assert.equal(c.n, 2);
    const rows = await store.all<{ id: string; date_precision: string; target: string[] }>(
      "SELECT id, date_precision, target FROM events ORDER BY date_start",
    );
    assert.deepEqual(rows[0], {
      id: "ru-sochi-trilateral-2011",
      date_precision: "day",
      target: ["AZE", "ARM"],
    });
    assert.equal(rows[1].date_precision, "month");
  } finally {
    store.close();
  }
});

test("Store.transaction rolls back everything when the work fails", async () => {
  const store = await Store.open(":memory:");
  try {
    await putScenario(store, loadScenario(MINI));
    await assert.rejects(
      store.transaction(async () => {
        await store.run("DELETE FROM events");
        throw new Error("interrupted");
      }),
      /interrupted/,
    );
    const [c] = await store.all<{ n: number }>("SELECT count(*) AS n FROM events");
    assert.equal(c.n, 2);
  } finally {
    store.close();
  }
});
