import type { Store } from "../../store/store.ts";
import { requirePanel } from "./coverage.ts";

export interface PanelRivalry {
  file: "td" | "tss";
  id: number;
  name: string;
  iso3_1: string | null;
  iso3_2: string | null;
  from: number;
  to: number;
  /** True when the rivalry runs to the file's last year (still ongoing when the data end). */
  ongoingAtDataEnd: boolean;
}

/**
 * Strategic rivalries from the Thompson–Dreyer (to 2010) and TSS (to 2020) files in which one of
 * `iso3s` is a side (or every one when `iso3s` is empty), overlapping [from, to] or ongoing
 * when their file ends.
 */
export async function rivalriesInvolving(
  store: Store,
  iso3s: string[],
  from: number,
  to: number,
): Promise<PanelRivalry[]> {
  await requirePanel(store, "rivalries_td");
  await requirePanel(store, "rivalries_tss");
  const rows = await store.all<PanelRivalry>(
    `WITH r AS (
       SELECT 'td' AS file, rivalryno AS id, rivalryname AS name, iso3_1, iso3_2, styear AS "from", endyear AS "to",
         endyear = (SELECT max(endyear) FROM ref_rivalries_td) AS ongoingAtDataEnd FROM ref_rivalries_td
       UNION ALL
       SELECT 'tss', tssr_id, rivalry, iso3_1, iso3_2, "start", "end",
         "end" = (SELECT max("end") FROM ref_rivalries_tss) FROM ref_rivalries_tss)
     SELECT * FROM r WHERE ("from" <= ? AND ("to" >= ? OR ongoingAtDataEnd)) ORDER BY file, id`,
    [to, from],
  );
  const want = new Set(iso3s);
  return rows.filter(
    (r) =>
      want.size === 0 ||
      (r.iso3_1 !== null && want.has(r.iso3_1)) ||
      (r.iso3_2 !== null && want.has(r.iso3_2)),
  );
}
