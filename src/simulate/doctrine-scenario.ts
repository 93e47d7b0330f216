/**
 * Parameterise the doctrine simulator from a scenario: the poles active at the scenario's end (the
 * focal state's own pole excluded), rivalries between poles, engagement shares from the focal state's
 * flows with pole members (last five years with data, share per flow domain, averaged over domains;
 * positive ties when there are no flows), and threat from negative ties and rivalries with the focal
 * state. Everything not measurable from the scenario takes a stated default, listed in `assumptions`.
 */
import type { Scenario } from "../model/scenario.ts";
import type { DoctrineParamsInput, PoleParams } from "./doctrine-params.ts";

export interface DoctrineSetup {
  params: DoctrineParamsInput;
  assumptions: string[];
  measured: { pole: string; engagement: number; threat: number; basis: string }[];
}

function activeAt(to: string | undefined, from: string | undefined, at: string): boolean {
  const y = at.slice(0, 4);
  return (!from || from.slice(0, 4) <= y) && (!to || to.slice(0, 4) >= y);
}

export function doctrineFromScenario(
  s: Scenario,
  overrides: Partial<DoctrineParamsInput> & { poles?: Partial<PoleParams>[] } = {},
): DoctrineSetup {
  const focal = s.meta.focal;
  const at = s.meta.to;
  const assumptions: string[] = [];
  const members = new Map<string, { name: string; actors: Set<string> }>();
  for (const m of s.poles) {
    if (!activeAt(m.to, m.from, at)) continue;
    const e = members.get(m.pole) ?? { name: m.name, actors: new Set<string>() };
    e.actors.add(m.actor);
    members.set(m.pole, e);
  }
  for (const [id, e] of members) if (e.actors.has(focal)) members.delete(id);
  if (members.size < 2)
    throw new Error(
      `scenario ${s.meta.id} has ${members.size} pole(s) not containing ${focal} (poles.csv); the doctrine simulator needs at least two rival poles`,
    );
  const poleIds = [...members.keys()];
  const poleOf = (actor: string) => poleIds.filter((id) => members.get(id)?.actors.has(actor));
  // engagement from flows
  // aggregate partners (kind "group": WORLD totals, EUROPE as one buyer) overlap the individual ones
  const groups = new Set(s.actors.filter((a) => a.kind === "group").map((a) => a.id));
  const flows = s.flows.filter(
    (f) => (f.from === focal || f.to === focal) && !groups.has(f.from === focal ? f.to : f.from),
  );
  const byDomain = new Map<string, Map<string, number>>();
  const maxYear = flows.reduce((m, f) => Math.max(m, f.year), 0);
  for (const f of flows) {
    if (f.year < maxYear - 4) continue;
    const partner = f.from === focal ? f.to : f.from;
    const dm = byDomain.get(f.domain) ?? new Map<string, number>();
    for (const id of poleOf(partner)) dm.set(id, (dm.get(id) ?? 0) + f.value);
    dm.set("__all", (dm.get("__all") ?? 0) + f.value);
    byDomain.set(f.domain, dm);
  }
  const engagement = new Map<string, number>();
  let basis = "";
  const doms = [...byDomain.values()].filter((m) => (m.get("__all") ?? 0) > 0);
  if (doms.length) {
    basis = `flows ${maxYear - 4}–${maxYear} (${[...byDomain.keys()].join(", ")}): share of the focal state's flows with pole members, averaged over domains`;
    for (const id of poleIds)
      engagement.set(
        id,
        doms.reduce((sum, m) => sum + (m.get(id) ?? 0) / (m.get("__all") ?? 1), 0) / doms.length,
      );
  } else {
    const pos = s.ties.filter((t) => t.sign === 1 && (t.a === focal || t.b === focal));
    const tot = pos.reduce((x, t) => x + t.strength, 0);
    if (tot > 0) {
      basis =
        "positive ties of the focal state (no flows in the scenario): share of tie strength with pole members";
      for (const id of poleIds)
        engagement.set(
          id,
          pos
            .filter((t) => poleOf(t.a === focal ? t.b : t.a).includes(id))
            .reduce((x, t) => x + t.strength, 0) / tot,
        );
    } else {
      basis = "no flows or ties: equal engagement assumed";
      assumptions.push(
        "engagement: no flows or positive ties with pole members in the scenario; equal shares assumed",
      );
      for (const id of poleIds) engagement.set(id, 1 / poleIds.length);
    }
  }
  // threat from negative ties and rivalries with the focal state
  const threat = new Map<string, number>(poleIds.map((id) => [id, 0]));
  for (const t of s.ties) {
    if (t.sign !== -1 || !activeAt(t.to, t.from, at)) continue;
    const other = t.a === focal ? t.b : t.b === focal ? t.a : null;
    if (!other) continue;
    for (const id of poleOf(other)) threat.set(id, Math.max(threat.get(id) ?? 0, t.strength));
  }
  const rivals: [number, number][] = [];
  for (const r of s.rivalries) {
    if (!activeAt(r.to, r.from, at)) continue;
    const side = (x: string) => (members.has(x) ? [x] : poleOf(x));
    if (r.a === focal || r.b === focal) {
      for (const id of side(r.a === focal ? r.b : r.a)) threat.set(id, 1);
      continue;
    }
    for (const a of side(r.a))
      for (const b of side(r.b)) {
        const i = poleIds.indexOf(a);
        const j = poleIds.indexOf(b);
        if (i !== j && !rivals.some(([x, y]) => (x === i && y === j) || (x === j && y === i)))
          rivals.push([i, j]);
      }
  }
  if (rivals.length === 0)
    assumptions.push(
      "rivalries: none between the poles in rivalries.csv; rivalry pressure only through ρ",
    );
  assumptions.push(
    "capability: 1 for every pole unless overridden (--params); shockRate 0.1/yr, shockSize 0.5, defectRate 0.05/yr per pole; benefit = 0.5 + engagement",
  );
  assumptions.push(
    "rivalry0: 0.6 when the poles have recorded rivalries, else 0.3 (model defaults, not measurements)",
  );
  const ov = new Map((overrides.poles ?? []).map((p) => [p.id, p]));
  const poles = poleIds.map((id) => ({
    id,
    name: members.get(id)?.name ?? id,
    capability: 1,
    benefit: 0.5 + (engagement.get(id) ?? 0),
    threat: threat.get(id) ?? 0,
    engagement: engagement.get(id) ?? 0,
    shockRate: 0.1,
    shockSize: 0.5,
    defectRate: 0.05,
    ...ov.get(id),
  }));
  const { poles: _p, ...rest } = overrides;
  return {
    params: { rivalry0: rivals.length ? 0.6 : 0.3, ...rest, poles, rivals },
    assumptions,
    measured: poleIds.map((id) => ({
      pole: id,
      engagement: engagement.get(id) ?? 0,
      threat: threat.get(id) ?? 0,
      basis,
    })),
  };
}
