import assert from "node:assert/strict";
import { test } from "node:test";
import { createApp } from "../../../src/server/app.ts";

test("GET /api/sources returns the coverage table with the SIPRI extract ending in 2024", async () => {
  const { app, ctx } = await createApp({ db: ":memory:" });
  try {
    const res = await app.request("/api/sources");
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      count: number;
      sources: { table: string; from_year: number; to_year: number; citation: string }[];
    };
    assert.equal(body.count, body.sources.length);
    const sipri = body.sources.find((s) => s.table === "ref_sipri");
    assert.deepEqual([sipri?.from_year, sipri?.to_year], [1950, 2024]);
    assert.match(sipri?.citation ?? "", /Information from the SIPRI Arms Transfers Database/);
    assert.ok(body.sources.every((s) => s.citation.length > 10));
  } finally {
    await ctx.close();
  }
});
