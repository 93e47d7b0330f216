/**
 * Quad classes (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
 * conflict) recomputed from the CAMEO root code under a named scheme. Schemes disagree on roots
 * 09 and 14 (and Phoenix on 01, 02, 16), so the scheme id is recorded with every quad.
 *  - `gdelt`: what GDELT actually stores (01–05→1, 06–09→2, 10–14→3, 15–20→4), checked on 2,861
 *    real rows (project notes §2.2).
 *  - `icews`: andybega/icews quad_category (01–05 VC, 06–08 MC, 09–13 VK, 14–20 MK).
 *  - `phoenix`: Phoenix pipeline quad_class; 01–02 are 0 "neutral" (no quad), 16 is verbal
 *    conflict.
 */
export type QuadScheme = "gdelt" | "icews" | "phoenix";
export const QUAD_SCHEMES: readonly QuadScheme[] = ["gdelt", "icews", "phoenix"];

// Index = root (1..20); value = quad (null = no quad under this scheme).
const TABLE: Record<QuadScheme, readonly (number | null)[]> = {
  gdelt: [null, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4],
  icews: [null, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4],
  phoenix: [null, null, null, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 3, 4, 4, 4, 4],
};

/** The quad class of a CAMEO root code ("01"…"20") under `scheme`, or null. */
export function quadOf(scheme: QuadScheme, root: string | null): number | null {
  if (root?.length !== 2) return null;
  const r = Number(root);
  if (!Number.isInteger(r) || r < 1 || r > 20) return null;
  return TABLE[scheme][r];
}
