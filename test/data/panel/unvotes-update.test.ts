import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { Store } from "../../../src/store/store.ts";
import { readCsvRecords, sharedReference } from "../../util/shared-data.ts";

// The two copies of Voeten's UNGA votes: the unvotes package's (1946–2019, in the panel to session
// 74) and the fpsim extraction of the Dataverse file (sessions 65–78, in the panel from session 75).
// They use different roll-call ids (rcid vs resid), so a roll call is matched by its date and its
// vote pattern (every state's COW code and vote). The raw update file is read here with the tests'
// own CSV reader, not through the build.
const shared = sharedReference();
const UPDATE = shared
  ? join(shared, "..", "update-2020-2025", "unvotes", "voeten_unga_votes_sessions66-78_via_fpsim.csv")
  : undefined;

interface RollCall {
  session: number;
  date: string;
  votes: Map<number, number>;
}

function pattern(votes: Map<number, number>): string {
  return [...votes]
    .sort((a, b) => a[0] - b[0])
    .map(([c, v]) => `${c}:${v}`)
    .join(",");
}

function readUpdate(path: string): Map<number, { session: number; dates: Map<string, Map<number, number>> }> {
  const { header, rows } = readCsvRecords(path);
  const col = (c: string) => header.indexOf(c);
  const [iRes, iSes, iDate, iC, iV] = ["resid", "session", "date", "ccode", "vote"].map(col);
  const out = new Map<number, { session: number; dates: Map<string, Map<number, number>> }>();
  for (const r of rows) {
    const id = Number(r[iRes]);
    let rc = out.get(id);
    if (!rc) out.set(id, (rc = { session: Number(r[iSes]), dates: new Map() }));
    let d = rc.dates.get(r[iDate]);
    if (!d) rc.dates.set(r[iDate], (d = new Map()));
    d.set(Number(r[iC]), Number(r[iV]));
  }
  return out;
}

describe("UN votes of sessions 75–78 in the panel", () => {
  let store: Store;
  let update: ReturnType<typeof readUpdate>;
  before(async () => {
    if (!UPDATE || !existsSync(UPDATE))
      throw new Error(
        "unvotes-update test: needs ../shared/data/update-2020-2025/unvotes/ (or ANA_SHARED_DATA)",
      );
    store = await Store.open(":memory:");
    update = readUpdate(UPDATE);
  });
  after(() => store.close());

  test("both copies agree on every roll call they share (sessions 66–74): 706 of 706 match by date and vote pattern", async () => {
    const rows = await store.all<{ rcid: number; session: number; date: string; ccode: number; vote: number }>(
      "SELECT v.rcid, r.session, strftime(r.date, '%Y-%m-%d') AS date, v.ccode, v.vote FROM ref_unvotes v JOIN ref_roll_calls r USING (rcid) WHERE r.session BETWEEN 66 AND 74 AND v.ccode IS NOT NULL",
    );
    const old = new Map<number, RollCall>();
    for (const r of rows) {
      let rc = old.get(r.rcid);
      if (!rc) old.set(r.rcid, (rc = { session: r.session, date: r.date, votes: new Map() }));
      rc.votes.set(r.ccode, r.vote);
    }
    // Two roll calls of a day can have the same pattern (e.g. a paragraph vote and its resolution):
    // a key holds every such roll call and each is matched at most once.
    const oldKeys = new Map<string, number[]>();
    for (const [id, rc] of old) {
      const k = `${rc.date}|${pattern(rc.votes)}`;
      oldKeys.set(k, [...(oldKeys.get(k) ?? []), id]);
    }
    let shared = 0;
    let matched = 0;
    const usedOld = new Set<number>();
    const perSession = new Map<number, [number, number]>();
    for (const rc of update.values()) {
      if (rc.session < 66 || rc.session > 74) continue;
      assert.equal(rc.dates.size, 1, "sessions 66–74 of the update have one date per roll call");
      const [[date, votes]] = [...rc.dates];
      shared++;
      const hit = oldKeys.get(`${date}|${pattern(votes)}`)?.shift();
      const s = perSession.get(rc.session) ?? [0, 0];
      s[0]++;
      if (hit !== undefined) {
        matched++;
        s[1]++;
        usedOld.add(hit);
      }
      perSession.set(rc.session, s);
    }
    // Every roll call of the update in sessions 66–74 is in the unvotes copy with the same date and
    // the same vote of every state; the unvotes copy holds more in sessions 66, 67, 71 and 72.
    assert.equal(shared, 706);
    assert.equal(matched, 706);
    assert.equal(usedOld.size, 706, "one-to-one");
    assert.equal(old.size, 98 + 88 + 64 + 81 + 73 + 119 + 124 + 95 + 91);
    assert.deepEqual(perSession.get(66), [65, 65]);
    assert.deepEqual(perSession.get(72), [90, 90]);
  });

  test("sessions 75–78 enter the panel vote for vote, dated by the day of most of each roll call's votes", async () => {
    let expectedVotes = 0;
    const expectedByYear = new Map<number, Set<number>>();
    let offDay = 0;
    for (const [id, rc] of update) {
      if (rc.session < 75) continue;
      const [date, votes] = [...rc.dates].sort((a, b) => b[1].size - a[1].size)[0];
      for (const [d, v] of rc.dates) if (d !== date) offDay += v.size;
      expectedVotes += votes.size;
      const y = Number(date.slice(0, 4));
      if (!expectedByYear.has(y)) expectedByYear.set(y, new Set());
      expectedByYear.get(y)!.add(id);
    }
    const [got] = await store.all<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM ref_unvotes WHERE rcid >= 75000",
    );
    assert.equal(got.n, expectedVotes);
    assert.equal(offDay, 42);
    const years = await store.all<{ year: number; n: number }>(
      "SELECT year::INTEGER AS year, count(*)::INTEGER AS n FROM ref_roll_calls WHERE session >= 75 GROUP BY 1 ORDER BY 1",
    );
    assert.deepEqual(
      years,
      [...expectedByYear].sort((a, b) => a[0] - b[0]).map(([year, s]) => ({ year, n: s.size })),
    );
    // Sessions 77 and 78 say year 2022 in the source; the panel dates them 2022–2024.
    assert.deepEqual(
      years.map((y) => y.year),
      [2020, 2021, 2022, 2023, 2024],
    );
  });

  test("Azerbaijan voted on at least 40 roll calls in each of 2021, 2022 and 2023", async () => {
    const rows = await store.all<{ year: number; n: number }>(
      "SELECT year::INTEGER AS year, count(DISTINCT rcid)::INTEGER AS n FROM ref_unvotes WHERE iso3 = 'AZE' AND year BETWEEN 2020 AND 2024 GROUP BY 1 ORDER BY 1",
    );
    const by = new Map(rows.map((r) => [r.year, r.n]));
    // Recount from the raw update file (AZE = COW 373), plus session 74's January 2020 votes.
    const raw = new Map<number, number>();
    for (const rc of update.values()) {
      if (rc.session < 75) continue;
      const [date, votes] = [...rc.dates].sort((a, b) => b[1].size - a[1].size)[0];
      if (votes.has(373)) raw.set(Number(date.slice(0, 4)), (raw.get(Number(date.slice(0, 4))) ?? 0) + 1);
    }
    const [jan2020] = await store.all<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM ref_unvotes WHERE iso3 = 'AZE' AND year = 2020 AND rcid < 75000",
    );
    for (const y of [2021, 2022, 2023, 2024]) assert.equal(by.get(y), raw.get(y), String(y));
    assert.equal(by.get(2020), (raw.get(2020) ?? 0) + jan2020.n);
    for (const y of [2021, 2022, 2023]) assert.ok((by.get(y) ?? 0) >= 40, `${y}: ${by.get(y)}`);
  });
});
