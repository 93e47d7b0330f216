import type { LevelAssignment } from "../model/level.ts";
import { coversYear } from "../model/partial-date.ts";
import type { Store } from "../store/store.ts";
import { CONTIGUITY_TYPES, contiguous } from "./panel/contiguous.ts";
import { iso3ToCow } from "./panel/crosswalk.ts";
import { majorPowers } from "./panel/major-powers.ts";
import { statesNearby } from "./panel/nearby.ts";

export interface LevelRuleOptions {
  /** Highest COW contiguity type counted as a neighbour (1 land … 5 up to 400 miles of water). Default 5. */
  maxContiguityType?: number;
  /** Capital-to-capital radius for the regional level, km. Default 2,500. */
  regionalRadiusKm?: number;
  /** Organisations placed at the systemic level by rule. Default ["EU"]. */
  systemicOrganisations?: string[];
}

export const DEFAULT_REGIONAL_RADIUS_KM = 2500;

const SRC_CONTIGUITY =
  "COW Direct Contiguity v3.2 (Stinnett et al. 2002), ANA reference panel ref_contiguity";
const SRC_MAJORS =
  "COW State System Membership v2016, major powers (ref_majors), ANA reference panel";
const SRC_CAPITALS =
  "peacesciencer capitals (Miller 2022) and COW state-years (ref_capitals, ref_state_years), ANA reference panel";
const SRC_ORG = "ANA level rule (docs/reference-panel.md): the EU acts at the systemic level";

/**
 * A focal state's partners by level in `year`, by ANA's level rule (documented in
 * docs/reference-panel.md):
 * - neighbourhood: directly contiguous by COW (types 1–5: land, or up to 400 miles of water);
 * - systemic: COW major powers, and the EU as an organisation;
 * - regional: other states whose capital lies within 2,500 km of the focal capital.
 * A partner may hold two levels (Russia is Azerbaijan's neighbour and a great power); a neighbour
 * or great power is not also regional. Contiguity and major-power status end in 2016 and are
 * carried forward after it, which the notes say.
 */
export async function levelsByRule(
  store: Store,
  focal: string,
  year: number,
  options: LevelRuleOptions = {},
): Promise<LevelAssignment[]> {
  const maxType = options.maxContiguityType ?? 5;
  const radius = options.regionalRadiusKm ?? DEFAULT_REGIONAL_RADIUS_KM;
  const ccode = await iso3ToCow(store, focal, year);
  if (ccode === undefined) throw new Error(`level rule: "${focal}" is not a COW state`);
  const inSystem = await store.all<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM ref_state_years WHERE ccode = ? AND year = least(?, (SELECT max(year) FROM ref_state_years))",
    [ccode, year],
  );
  if (inSystem[0].n === 0)
    throw new Error(
      `level rule: ${focal} (COW ${ccode}) is not in the COW state system in ${year}; choose a year when it is`,
    );
  const out: LevelAssignment[] = [];
  const base = { focal, basis: "rule" as const };

  const neighbours = await contiguous(store, focal, year, maxType);
  const near = new Set<string>();
  for (const n of neighbours) {
    if (!n.iso3 || near.has(n.iso3)) continue;
    near.add(n.iso3);
    out.push({
      ...base,
      partner: n.iso3,
      level: "neighbourhood",
      source: SRC_CONTIGUITY,
      notes: `contiguity type ${n.conttype} (${CONTIGUITY_TYPES[n.conttype]}), ${n.styear}–${n.endyear}${n.carriedForward ? `; data end ${n.endyear}, carried forward to ${year}` : ""}`,
    });
  }

  const majors = await majorPowers(store, year);
  const great = new Set<string>();
  for (const p of majors.powers) {
    // Historic major powers without an ISO3 (Austria-Hungary) cannot be a partner code.
    if (!p.iso3 || p.iso3 === focal || great.has(p.iso3)) continue;
    great.add(p.iso3);
    out.push({
      ...base,
      partner: p.iso3,
      level: "systemic",
      source: SRC_MAJORS,
      notes: `COW major power${majors.carriedForward ? ` (status of ${majors.dataYear}, the data's last year, carried forward to ${year})` : ` in ${year}`}`,
    });
  }
  for (const org of options.systemicOrganisations ?? ["EU"])
    out.push({ ...base, partner: org, level: "systemic", source: SRC_ORG });

  for (const s of await statesNearby(store, focal, year, radius)) {
    if (!s.iso3 || near.has(s.iso3) || great.has(s.iso3)) continue;
    out.push({
      ...base,
      partner: s.iso3,
      level: "regional",
      source: SRC_CAPITALS,
      notes: `capitals ${Math.round(s.km)} km apart (rule: within ${radius} km)`,
    });
  }
  return out;
}

/**
 * Apply a scenario's `levels.csv` to the rule: for every partner that has an override row for
 * this focal state covering `year`, the override rows replace all rule rows of that partner.
 */
export function applyLevelOverrides(
  rule: LevelAssignment[],
  overrides: LevelAssignment[],
  focal: string,
  year: number,
): LevelAssignment[] {
  const active = overrides.filter(
    (o) => o.focal === focal && o.basis === "override" && coversYear(o.from, o.to, year),
  );
  const replaced = new Set(active.map((o) => o.partner));
  return [...rule.filter((r) => !replaced.has(r.partner)), ...active];
}

/** Partners' levels for a focal state in `year`: the rule, with the scenario's overrides applied. */
export async function levelsFor(
  store: Store,
  focal: string,
  year: number,
  overrides: LevelAssignment[] = [],
  options: LevelRuleOptions = {},
): Promise<LevelAssignment[]> {
  return applyLevelOverrides(
    await levelsByRule(store, focal, year, options),
    overrides,
    focal,
    year,
  );
}
