/**
 * PLOVER event types: quad category and the PLOVER score (a Goldstein analogue, −10…+10) by
 * CATEGORY and CATEGORY:mode. Source: openeventdata/PLOVER `PLOVER_MANUAL.tex` @5e0c24f
 * (CC BY-SA 4.0), as summarised in the project's event-data notes §3.2.
 * Two decisions of ours, documented in docs/event-formats.md:
 *  - ACCUSE's category score is printed as "3" while all its modes are negative (−2 … −3.5);
 *    we read it as the sign typo it is and use −3.
 *  - SANCTION's quad: the manual's quad table says verbal conflict, its SANCTION section and
 *    rpolecat's QUAD_MAP say material conflict; we use material conflict (4).
 */
export const PLOVER_QUAD: Readonly<Record<string, number>> = {
  AGREE: 1,
  CONSULT: 1,
  SUPPORT: 1,
  CONCEDE: 1,
  COOPERATE: 2,
  AID: 2,
  RETREAT: 2,
  REQUEST: 3,
  ACCUSE: 3,
  REJECT: 3,
  THREATEN: 3,
  PROTEST: 4,
  SANCTION: 4,
  MOBILIZE: 4,
  COERCE: 4,
  ASSAULT: 4,
};

/** Older (0.5b1 gold-standard) type names → current names (and implied mode). */
export const PLOVER_OLD_NAMES: Readonly<Record<string, { type: string; mode?: string }>> = {
  DEMAND: { type: "REQUEST" },
  DISAPPROVE: { type: "ACCUSE", mode: "disapprove" },
  INVESTIGATE: { type: "ACCUSE", mode: "investigate" },
  FIGHT: { type: "ASSAULT" },
};

export const PLOVER_SCORE: Readonly<Record<string, number>> = {
  AGREE: 2.5,
  CONSULT: 2.5,
  "CONSULT:visit": 4,
  "CONSULT:third-party": 1,
  "CONSULT:multilateral": 4,
  "CONSULT:phone": 1.5,
  SUPPORT: 5,
  CONCEDE: 4.5,
  COOPERATE: 9.5,
  AID: 10,
  RETREAT: 6.5,
  "RETREAT:withdraw": 8,
  "RETREAT:release": 6.5,
  "RETREAT:disarm": 10,
  "RETREAT:ceasefire": 7.5,
  "RETREAT:access": 6.5,
  "RETREAT:resign": 4.5,
  REQUEST: 0,
  "REQUEST:assist": 0.5,
  "REQUEST:change": -1,
  "REQUEST:yield": -1,
  "REQUEST:meet": 0,
  ACCUSE: -3,
  "ACCUSE:disapprove": -2,
  "ACCUSE:investigate": -3.5,
  "ACCUSE:allege": -3.5,
  REJECT: -2,
  "REJECT:assist": -1.5,
  "REJECT:change": -2,
  "REJECT:yield": -2,
  "REJECT:meet": -2,
  THREATEN: -3.5,
  "THREATEN:restrict": -3,
  "THREATEN:arrest": -3.5,
  "THREATEN:relations": -3.5,
  "THREATEN:expel": -3.5,
  "THREATEN:territory": -4,
  "THREATEN:violence": -3.5,
  PROTEST: -5,
  "PROTEST:demo": -5,
  "PROTEST:riot": -7,
  "PROTEST:strike": -5,
  "PROTEST:hunger": -4.5,
  "PROTEST:boycott": -4.5,
  "PROTEST:obstruct": -4.5,
  SANCTION: -6,
  "SANCTION:convict": -6,
  "SANCTION:expel": -5.5,
  "SANCTION:withdraw": -6,
  "SANCTION:discontinue": -6,
  MOBILIZE: -5.5,
  "MOBILIZE:troops": -6.5,
  "MOBILIZE:weapons": -6.5,
  "MOBILIZE:police": -5.5,
  "MOBILIZE:militia": -6,
  COERCE: -7,
  "COERCE:seize": -7,
  "COERCE:restrict": -7,
  "COERCE:censor": -6.5,
  "COERCE:curfew": -6.5,
  "COERCE:martial-law": -7.5,
  "COERCE:arrest": -7,
  "COERCE:deport": -7,
  "COERCE:withhold": -7,
  "COERCE:misinformation": -6.5,
  "COERCE:cyber": -7,
  ASSAULT: -9,
  "ASSAULT:abduct": -8.5,
  "ASSAULT:beat": -7.5,
  "ASSAULT:torture": -8.5,
  "ASSAULT:sexual": -8.5,
  "ASSAULT:targeted": -9.5,
  "ASSAULT:destroy": -8.5,
  "ASSAULT:primitive": -8,
  "ASSAULT:firearms": -9,
  "ASSAULT:explosives": -9,
  "ASSAULT:suicide-attack": -9.5,
  "ASSAULT:aerial": -9.5,
  "ASSAULT:drone": -9.5,
  "ASSAULT:heavy-weapons": -9.5,
  "ASSAULT:crowd-control": -7.5,
  "ASSAULT:unconventional": -10,
};

/** Normalise a PLOVER type (and mode), mapping old names; undefined if not a PLOVER event type. */
export function ploverType(
  rawType: string | null | undefined,
  rawMode?: string | null,
): { type: string; mode: string | null; quad: number; score: number } | undefined {
  if (!rawType) return undefined;
  let type = rawType.trim().toUpperCase();
  let mode = rawMode?.trim().toLowerCase() || null;
  if (mode === "none" || mode === "") mode = null;
  const old = PLOVER_OLD_NAMES[type];
  if (old) {
    type = old.type;
    mode ??= old.mode ?? null;
  }
  const quad = PLOVER_QUAD[type];
  if (quad === undefined) return undefined;
  const score = (mode ? PLOVER_SCORE[`${type}:${mode}`] : undefined) ?? PLOVER_SCORE[type];
  return { type, mode, quad, score };
}
