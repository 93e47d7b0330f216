import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { LevelAssignment } from "../../../src/model/level.ts";
import { createApp } from "../../../src/server/app.ts";

describe("GET /api/levels", () => {
  let api: Awaited<ReturnType<typeof createApp>>;
  before(async () => {
    api = await createApp({ db: ":memory:" });
  });
  after(() => api.ctx.close());
  const get = async (qs: string) => {
    const res = await api.app.request(`/api/levels?${qs}`);
    return { status: res.status, body: (await res.json()) as { levels: LevelAssignment[] } };
  };

  test("gives the rule's levels, and the shipped scenario's overrides replace them per partner", async () => {
    const rule = await get("focal=AZE&year=2020");
    assert.equal(rule.status, 200);
    const kaz = (b: { levels: LevelAssignment[] }) =>
      b.levels.filter((l) => l.partner === "KAZ").map((l) => `${l.level}:${l.basis}`);
    assert.deepEqual(kaz(rule.body), ["neighbourhood:rule"]);
    const scen = await get("focal=AZE&year=2020&scenario=azerbaijan");
    assert.equal(scen.status, 200);
    assert.deepEqual(kaz(scen.body), ["regional:override"]);
    const rus = scen.body.levels.filter((l) => l.partner === "RUS").map((l) => l.level);
    assert.deepEqual(rus.sort(), ["neighbourhood", "systemic"]);
  });

  test("answers 422 for a state outside the COW list and 400 without a year", async () => {
    assert.equal((await get("focal=PSE&year=2020")).status, 422);
    assert.equal((await get("focal=AZE")).status, 400);
  });
});
