/**
 * Event scales used by the relations measures: quad schemes (CAMEO root → quad class) and the
 * root-level Goldstein (1992) table. Every aggregate names the scheme and table it used.
 *
 * Quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
 * conflict. Schemes (project notes, event-data.md §2.2):
 *  - `gdelt`: what GDELT stores: roots 01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4.
 *  - `icews`: andybega/icews quad_category: 01–05 → 1, 06–08 → 2, 09–13 → 3, 14–20 → 4.
 */
export const QUAD_SCHEMES = {
  gdelt: [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4],
  icews: [0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4],
} as const;
export type QuadScheme = keyof typeof QUAD_SCHEMES;

export const QUAD_NAMES = [
  "verbalCooperation",
  "materialCooperation",
  "verbalConflict",
  "materialConflict",
] as const;

/** Quad class (1–4) of a CAMEO root code "01"…"20" under a scheme, or null. */
export function quadOf(scheme: QuadScheme, root: string | null | undefined): 1 | 2 | 3 | 4 | null {
  if (!root || !/^\d{2}$/.test(root)) return null;
  const r = Number(root);
  if (r < 1 || r > 20) return null;
  return QUAD_SCHEMES[scheme][r] as 1 | 2 | 3 | 4;
}

/**
 * Goldstein (1992) weights of the 20 CAMEO root codes, as in GDELT's CAMEO.goldsteinscale.txt
 * (identical in the ICEWS table at root level).
 */
export const GOLDSTEIN_ROOT: Record<string, number> = {
  "01": 0,
  "02": 3,
  "03": 4,
  "04": 1,
  "05": 3.5,
  "06": 6,
  "07": 7,
  "08": 5,
  "09": -2,
  "10": -5,
  "11": -2,
  "12": -4,
  "13": -6,
  "14": -6.5,
  "15": -7.2,
  "16": -4,
  "17": -7,
  "18": -9,
  "19": -10,
  "20": -10,
};

/** Names recorded in output for the Goldstein choice. */
export const GOLDSTEIN_TABLES = {
  recorded:
    "Goldstein (1992) weight as recorded on each event (scenario events: the compiler's CAMEO code weight; imported events: the importer's table)",
  "cameo-root":
    "Goldstein (1992) weight of the CAMEO root code (GDELT CAMEO.goldsteinscale.txt, root codes)",
} as const;
export type GoldsteinChoice = keyof typeof GOLDSTEIN_TABLES;
