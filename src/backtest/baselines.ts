/**
 * The backtest's baselines, with their exact definitions (issue 17):
 * - `mean`: the unweighted mean of ALL actors' stated positions (Commission, Parliament and member
 *   states; an actor without a position is not in the issue);
 * - `median`: the unweighted median of the same positions (even count: the midpoint of the two
 *   middle ones);
 * - `compromise`: Σ capability·salience·position / Σ capability·salience (the "compromise model",
 *   Achen 2006 in Thomson, Stokman, Achen & König, *The European Union Decides*);
 * - `statusquo`: the issue's reference point.
 */
import type { BacktestIssue, ModelForecast } from "./types.ts";

export function meanForecast(issue: BacktestIssue): ModelForecast {
  const xs = issue.actors.map((a) => a.position);
  if (xs.length === 0) return { forecast: null, reason: "no actor states a position" };
  return { forecast: xs.reduce((s, x) => s + x, 0) / xs.length };
}

export function medianForecast(issue: BacktestIssue): ModelForecast {
  const xs = issue.actors.map((a) => a.position).sort((a, b) => a - b);
  if (xs.length === 0) return { forecast: null, reason: "no actor states a position" };
  const m = xs.length >> 1;
  return { forecast: xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2 };
}

export function compromiseForecast(issue: BacktestIssue): ModelForecast {
  let num = 0;
  let den = 0;
  for (const a of issue.actors) {
    const w = a.capability * a.salience;
    num += w * a.position;
    den += w;
  }
  if (!(den > 0))
    return { forecast: null, reason: "no actor has both capability and salience above zero" };
  return { forecast: num / den };
}

export function statusQuoForecast(issue: BacktestIssue): ModelForecast {
  return issue.reference === null
    ? { forecast: null, reason: "no reference point recorded" }
    : { forecast: issue.reference };
}
