import { Xoshiro128 } from "../../measure/bootstrap.ts";
import { type EventRecord, eventRecordsFromScenario } from "../../measure/relations.ts";
import { thinEvents } from "../../measure/thinning.ts";
import type { Event } from "../../model/event.ts";
import { dateYear } from "../../model/partial-date.ts";
import { centralInterval, sampleWith, seededRandom } from "../random.ts";
import type { ClaimContext } from "../types.ts";
import type { Verdict } from "../verdict.ts";

/** What an event-based rule computes from a set of event records. */
export interface EventEvaluation {
  verdict: Verdict;
  value: number | null;
}

export interface EventJudgement {
  point: EventEvaluation;
  /** Central interval of `value` over bootstrap draws (events resampled within each year). */
  interval: [number, number] | null;
  /** Share of thinning draws (every year thinned to the same number of events) keeping the verdict. */
  stability: {
    share: number;
    untestable: number;
    draws: number;
    eventsPerYear: number;
    years: [number, number];
  } | null;
}

const byYear = (events: readonly Event[]) => {
  const m = new Map<number, Event[]>();
  for (const e of events) {
    const y = dateYear(e.date);
    const g = m.get(y);
    if (g) g.push(e);
    else m.set(y, [e]);
  }
  return m;
};

/**
 * Judge an event-based rule three ways: on the scenario's events as they are (the point
 * verdict); on `draws` bootstrap resamples of the events the rule depends on, drawn with
 * replacement within each year and stratum (each year keeps its number of, e.g., AZE–RUS
 * events, as `relationScoreInterval` does) — the value's interval; and on `thinDraws` thinned
 * copies in which every year of the scenario keeps the same number of events — the smallest
 * yearly count over all its events — drawn without replacement (`thinEvents`): the share of
 * draws that keep the point verdict. All draws are seeded.
 */
export function judgeOnEvents(
  ctx: ClaimContext,
  evaluate: (records: EventRecord[]) => EventEvaluation,
  /** The stratum of an event the evaluation depends on (e.g. the partner), or null if it does not. */
  stratum: (e: Event) => string | null = () => "all",
): EventJudgement {
  const o = ctx.options;
  const evidence = `scenario:${ctx.scenario.meta.id}`;
  const records = (sample: readonly Event[]) =>
    eventRecordsFromScenario(
      sample.filter((e) => stratum(e) !== null),
      evidence,
    );
  const point = evaluate(ctx.records);
  const strata = new Map<string, Event[]>();
  for (const e of ctx.scenario.events) {
    const k = stratum(e);
    if (k === null) continue;
    const key = `${dateYear(e.date)}|${k}`;
    const g = strata.get(key);
    if (g) g.push(e);
    else strata.set(key, [e]);
  }
  const rand = seededRandom(o.seed);
  const values: number[] = [];
  for (let d = 0; d < o.draws; d++) {
    const sample: Event[] = [];
    for (const g of strata.values()) for (const x of sampleWith(g, g.length, rand)) sample.push(x);
    const v = evaluate(records(sample)).value;
    if (v !== null) values.push(v);
  }
  const groups = byYear(ctx.scenario.events);
  const y0 = dateYear(ctx.scenario.meta.from);
  const y1 = dateYear(ctx.scenario.meta.to);
  const counts: number[] = [];
  for (let y = y0; y <= y1; y++) counts.push(groups.get(y)?.length ?? 0);
  const k = Math.min(...counts);
  let stability: EventJudgement["stability"] = null;
  if (k > 0 && o.thinDraws > 0) {
    const rng = new Xoshiro128(o.seed);
    let keep = 0;
    let untestable = 0;
    for (let d = 0; d < o.thinDraws; d++) {
      const sample = thinEvents(ctx.scenario.events, { from: y0, to: y1, perYear: k, rng });
      const v = evaluate(records(sample)).verdict;
      if (v === point.verdict) keep++;
      if (v === "not testable") untestable++;
    }
    stability = {
      share: keep / o.thinDraws,
      untestable: untestable / o.thinDraws,
      draws: o.thinDraws,
      eventsPerYear: k,
      years: [y0, y1],
    };
  }
  return {
    point,
    // An interval only when (almost) every draw has a value: otherwise the value is not defined
    // often enough to bound.
    interval:
      point.value !== null && values.length >= 0.95 * o.draws
        ? centralInterval(values, o.level)
        : null,
    stability,
  };
}
