import { coversYear } from "../model/partial-date.ts";
import type { Scenario } from "../model/scenario.ts";

/** The poles each actor belongs to in `year` (actor → pole ids, sorted). */
export function polesOf(scenario: Pick<Scenario, "poles">, year: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of scenario.poles) {
    if (!coversYear(p.from, p.to, year)) continue;
    const list = out.get(p.actor) ?? [];
    if (!list.includes(p.pole)) list.push(p.pole);
    out.set(p.actor, list.sort());
  }
  return out;
}

/** Members of each pole in `year` (pole id → actor codes). */
export function poleMembers(
  scenario: Pick<Scenario, "poles">,
  year: number,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of scenario.poles) {
    if (!coversYear(p.from, p.to, year)) continue;
    const list = out.get(p.pole) ?? [];
    if (!list.includes(p.actor)) list.push(p.actor);
    out.set(p.pole, list);
  }
  return out;
}

/**
 * Rival pairs in `year`, each side as a set of actor codes: a rivalry side that names a pole
 * stands for the pole's members that year, otherwise for the actor itself.
 */
export function rivalPairs(
  scenario: Pick<Scenario, "poles" | "rivalries">,
  year: number,
): { a: string; b: string; aMembers: string[]; bMembers: string[]; source: string }[] {
  const members = poleMembers(scenario, year);
  return scenario.rivalries
    .filter((r) => coversYear(r.from, r.to, year))
    .map((r) => ({
      a: r.a,
      b: r.b,
      aMembers: members.get(r.a) ?? [r.a],
      bMembers: members.get(r.b) ?? [r.b],
      source: r.source,
    }));
}

/**
 * Re-key partner amounts by pole: a partner in one pole counts for it; a partner in k poles
 * counts 1/k for each; a partner in no pole stays on its own (it is not lumped into "other",
 * which would fake concentration).
 */
export function byPole(
  values: Map<string, number>,
  poles: Map<string, string[]>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [partner, v] of values) {
    const ps = poles.get(partner);
    if (!ps || ps.length === 0) out.set(partner, (out.get(partner) ?? 0) + v);
    else for (const p of ps) out.set(p, (out.get(p) ?? 0) + v / ps.length);
  }
  return out;
}
