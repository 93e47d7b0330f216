import { type EventRecord, eventRecordsFromScenario } from "../../measure/relations.ts";
import type { Event } from "../../model/event.ts";
import { dateYear } from "../../model/partial-date.ts";
import { centralInterval, sampleWith, sampleWithout, seededRandom } from "../random.ts";
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
 * verdict); on `draws` bootstrap resamples of the events, drawn with replacement within each
 * year (the value's interval); and on `thinDraws` thinned copies in which every year of the
 * scenario keeps the same number of events — the smallest yearly count — drawn without
 * replacement (the share of draws that keep the point verdict). Events outside the scenario's
 * years are kept as they are. All draws are seeded.
 */
export function judgeOnEvents(
  ctx: ClaimContext,
  evaluate: (records: EventRecord[]) => EventEvaluation,
  /** Events the evaluation can depend on (others are drawn but not converted, for speed). */
  relevant: (e: Event) => boolean = () => true,
): EventJudgement {
  const o = ctx.options;
  const evidence = `scenario:${ctx.scenario.meta.id}`;
  const records = (sample: Event[]) => eventRecordsFromScenario(sample.filter(relevant), evidence);
  const point = evaluate(ctx.records);
  const groups = byYear(ctx.scenario.events);
  const rand = seededRandom(o.seed);
  const values: number[] = [];
  for (let d = 0; d < o.draws; d++) {
    const sample: Event[] = [];
    for (const g of groups.values()) sample.push(...sampleWith(g, g.length, rand));
    const v = evaluate(records(sample)).value;
    if (v !== null) values.push(v);
  }
  const y0 = dateYear(ctx.scenario.meta.from);
  const y1 = dateYear(ctx.scenario.meta.to);
  const counts: number[] = [];
  for (let y = y0; y <= y1; y++) counts.push(groups.get(y)?.length ?? 0);
  const k = Math.min(...counts);
  let stability: EventJudgement["stability"] = null;
  if (k > 0 && o.thinDraws > 0) {
    const trand = seededRandom(o.seed + 1);
    let keep = 0;
    for (let d = 0; d < o.thinDraws; d++) {
      const sample: Event[] = [];
      for (const [y, g] of groups)
        sample.push(...(y >= y0 && y <= y1 ? sampleWithout(g, k, trand) : g));
      if (evaluate(records(sample)).verdict === point.verdict) keep++;
    }
    stability = {
      share: keep / o.thinDraws,
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
