import { hasRelation } from "../../measure/panel.ts";
import type { Store } from "../../store/store.ts";
import { sampleWith, seededRandom } from "../random.ts";
import type { StateValues } from "./ideal-axis.ts";

/**
 * Each state's position on a set of issue-specific UNGA roll calls (e.g. the resolutions on
 * Ukraine), identified by a case-insensitive pattern on the roll call's description or by date,
 * amendment and paragraph votes left out. A vote scores 1 when it opposes the `against` state's
 * vote (yes/no), 0 when it matches it, ½ for an abstention; a roll call where `against` did not
 * vote yes or no is dropped. A state's value is the mean over the roll calls it voted on
 * (absences are not in the data, so they are not counted). Draws resample the roll calls
 * (seeded, jointly for every state).
 */
export async function issueVotePositions(
  store: Store,
  q: { match?: string; dates?: string[]; against: string; from: number; to: number },
  o: { draws: number; seed: number },
): Promise<
  StateValues & {
    rollCalls: { rcid: number; date: string; label: string }[];
    counts: Map<string, number>;
  }
> {
  const source =
    "Voeten UNGA roll-call votes (Harvard Dataverse doi:10.7910/DVN/LEJUQZ), reference panel roll_calls/unvotes";
  const empty = { values: new Map(), basis: [], rollCalls: [], counts: new Map(), source };
  if (!(await hasRelation(store, "ref_roll_calls")) || !(await hasRelation(store, "ref_unvotes")))
    return { ...empty, note: "roll calls not attached" };
  const conds: string[] = [];
  const params: (string | number)[] = [q.from, q.to];
  if (q.match) {
    conds.push("regexp_matches(lower(coalesce(descr, '') || ' ' || coalesce(short, '')), ?)");
    params.push(q.match.toLowerCase());
  }
  if (q.dates?.length) {
    conds.push(`CAST(date AS VARCHAR) IN (${q.dates.map(() => "?").join(", ")})`);
    params.push(...q.dates);
  }
  if (conds.length === 0) throw new Error("issue-votes: give match or dates");
  const calls = await store.all<{
    rcid: number;
    date: string;
    unres: string | null;
    descr: string | null;
  }>(
    `SELECT rcid, CAST(date AS VARCHAR) AS date, unres, descr FROM ref_roll_calls
     WHERE year(date) BETWEEN ? AND ? AND (${conds.join(" OR ")})
       AND coalesce(amend, 0) = 0 AND coalesce(para, 0) = 0 ORDER BY date, rcid`,
    params,
  );
  const found = new Set(calls.map((c) => c.date));
  const absent = (q.dates ?? []).filter(
    (d) => Number(d.slice(0, 4)) >= q.from && Number(d.slice(0, 4)) <= q.to && !found.has(d),
  );
  const absentNote = absent.length
    ? `; no roll call in the panel on ${absent.join(", ")} (those votes are not in the data)`
    : "";
  if (calls.length === 0)
    return { ...empty, note: `no matching roll call in the panel${absentNote}` };
  const votes = await store.all<{ rcid: number; iso3: string; vote: number }>(
    `SELECT rcid, iso3, vote FROM ref_unvotes WHERE rcid IN (${calls.map(() => "?").join(", ")}) AND iso3 IS NOT NULL AND vote IN (1, 2, 3)`,
    calls.map((c) => c.rcid),
  );
  const ref = new Map(votes.filter((v) => v.iso3 === q.against).map((v) => [v.rcid, v.vote]));
  const kept = calls.filter((c) => ref.get(c.rcid) === 1 || ref.get(c.rcid) === 3);
  // score[rcid][iso3]
  const score = new Map<number, Map<string, number>>();
  for (const v of votes) {
    const r = ref.get(v.rcid);
    if (r !== 1 && r !== 3) continue;
    const s = v.vote === 2 ? 0.5 : v.vote === r ? 0 : 1;
    if (!score.has(v.rcid)) score.set(v.rcid, new Map());
    score.get(v.rcid)!.set(v.iso3, s);
  }
  const ids = kept.map((c) => c.rcid);
  const meanOver = (set: number[]) => {
    const sum = new Map<string, [number, number]>();
    for (const id of set)
      for (const [iso3, s] of score.get(id) ?? []) {
        const a = sum.get(iso3) ?? [0, 0];
        sum.set(iso3, [a[0] + s, a[1] + 1]);
      }
    return new Map([...sum].map(([k, [s, n]]) => [k, { v: s / n, n }]));
  };
  const point = meanOver(ids);
  const rand = seededRandom(o.seed);
  const drawMaps = Array.from({ length: o.draws }, () =>
    meanOver(sampleWith(ids, ids.length, rand)),
  );
  const values = new Map(
    [...point].map(([iso3, { v }]) => [
      iso3,
      { iso3, value: v, draws: drawMaps.map((m) => m.get(iso3)?.v ?? null) },
    ]),
  );
  return {
    values,
    basis: kept.map((c) => `${c.unres ?? `rcid ${c.rcid}`} (${c.date})`),
    counts: new Map([...point].map(([k, { n }]) => [k, n])),
    rollCalls: kept.map((c) => ({
      rcid: c.rcid,
      date: c.date,
      label: c.unres ?? `rcid ${c.rcid}`,
    })),
    note: `votes against ${q.against}'s on ${kept.length} roll call${kept.length === 1 ? "" : "s"} (1 = opposite, ½ = abstain, 0 = same)${absentNote}`,
    source,
  };
}
