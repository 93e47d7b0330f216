import assert from "node:assert/strict";
import { test } from "node:test";
import type { ResolvedPeerGroup } from "../../src/atlas/peers.ts";
import { type AtlasLike, type AtlasRowLike, atlasCompare } from "../../src/atlas/peers-compare.ts";

/** A small deterministic generator (the test's own, not the code's). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const STATES = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH", "III", "JJJ", "KKK"];

function synthetic(opts: { draws?: number; nullFor?: string[]; ties?: boolean } = {}): AtlasLike {
  const r = lcg(7);
  const rows: AtlasRowLike[] = [];
  for (const year of [2010, 2011])
    for (const iso3 of STATES) {
      const missing = opts.nullFor?.includes(iso3) && year === 2011;
      const v = missing ? null : opts.ties ? Math.round(r() * 3) / 3 : r();
      const c = missing ? null : r();
      const d = opts.draws;
      rows.push({
        iso3,
        year,
        index: v,
        ...(d ? { indexDraws: Array.from({ length: d }, () => (v === null ? null : v)) } : {}),
        components: { votes: { value: c } },
      });
    }
  return { from: 2010, to: 2011, draws: 200, components: [{ key: "votes" }], rows };
}

const group = (year: number, members: string[]): ResolvedPeerGroup => ({
  id: "TEST",
  name: "test group",
  year,
  members,
  how: "listed in the test",
  source: "test",
});

/** Brute force: share of the peers strictly below, plus half of those equal. */
function brute(atlas: AtlasLike, focal: string, peers: string[], year: number, m: string) {
  const val = (iso3: string) => {
    const row = atlas.rows.find((r) => r.iso3 === iso3 && r.year === year)!;
    return m === "index" ? row.index : row.components[m].value;
  };
  const f = val(focal);
  const xs = peers
    .filter((p) => p !== focal)
    .map(val)
    .filter((x): x is number => x !== null);
  if (f === null) return { p: null, n: xs.length };
  let s = 0;
  for (const x of xs) s += x < f ? 1 : x === f ? 0.5 : 0;
  return { p: s / xs.length, n: xs.length };
}

test("atlasCompare's percentile equals a brute-force mid-rank count, per measure and year (ties included)", () => {
  for (const ties of [false, true]) {
    const atlas = synthetic({ ties });
    const groups = [group(2010, STATES), group(2011, STATES)];
    const res = atlasCompare(atlas, { focal: "CCC", groups });
    assert.equal(res.rows.length, 4);
    for (const row of res.rows) {
      const b = brute(atlas, "CCC", STATES, row.year, row.measure);
      assert.equal(row.n, b.n);
      assert.ok(Math.abs((row.percentile ?? Number.NaN) - (b.p ?? Number.NaN)) < 1e-12);
      assert.ok(row.interval && row.interval[0] <= row.interval[1]);
    }
  }
});

test("the focal state is never its own peer, even when it is a member of the group", () => {
  const atlas = synthetic();
  const a = atlasCompare(atlas, { focal: "AAA", groups: [group(2010, STATES)] });
  const b = atlasCompare(atlas, {
    focal: "AAA",
    groups: [
      group(
        2010,
        STATES.filter((s) => s !== "AAA"),
      ),
    ],
  });
  assert.equal(a.rows[0].n, STATES.length - 1);
  assert.deepEqual(a.rows, b.rows);
});

test("missing stays missing: peers without a value are no peers, a focal state without one has no percentile", () => {
  const atlas = synthetic({ nullFor: ["BBB", "DDD"] });
  const res = atlasCompare(atlas, { focal: "AAA", groups: [group(2011, STATES)] });
  const idx = res.rows.find((r) => r.measure === "index")!;
  assert.equal(idx.n, STATES.length - 3);
  assert.equal(idx.missing, 2);
  assert.equal(idx.percentile, brute(atlas, "AAA", STATES, 2011, "index").p);
  const none = atlasCompare(atlas, { focal: "BBB", groups: [group(2011, STATES)] });
  const r = none.rows.find((x) => x.measure === "index")!;
  assert.equal(r.value, null);
  assert.equal(r.percentile, null);
  assert.equal(r.interval, null);
  // A state with no Atlas row at all in the year is missing too.
  const out = atlasCompare(atlas, { focal: "AAA", groups: [group(2011, [...STATES, "ZZZ"])] });
  assert.equal(out.rows[0].missing, 3);
});

test("fewer than minPeers peers with a value give no percentile", () => {
  const atlas = synthetic();
  const res = atlasCompare(atlas, { focal: "AAA", groups: [group(2010, STATES.slice(0, 5))] });
  assert.equal(res.rows[0].n, 4);
  assert.equal(res.rows[0].percentile, null);
});

test("with Atlas draws equal to the values, the paired interval equals the peer-bootstrap interval", () => {
  const plain = atlasCompare(synthetic(), { focal: "EEE", groups: [group(2010, STATES)] });
  const drawn = atlasCompare(synthetic({ draws: 200 }), {
    focal: "EEE",
    groups: [group(2010, STATES)],
  });
  assert.deepEqual(drawn.rows[0].interval, plain.rows[0].interval);
  assert.match(drawn.method, /paired/);
  assert.match(plain.method, /only the peer set is resampled/);
});

test("a group with the same members over consecutive years is listed once with its years", () => {
  const res = atlasCompare(synthetic(), {
    focal: "AAA",
    groups: [group(2010, STATES), group(2011, STATES)],
  });
  assert.equal(res.peerGroups.length, 1);
  assert.deepEqual(res.peerGroups[0].years, [2010, 2011]);
});
