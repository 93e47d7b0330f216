import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { activeUserPanel, userPanelRoot } from "../data/panel/user-panel.ts";
import type { Store } from "./store.ts";

/** The folder of the shipped reference panel (Parquet files written by `scripts/build-reference.ts`). */
export const PANEL_DIR = fileURLToPath(new URL("../../data/reference/", import.meta.url));

/**
 * Expose each shipped Parquet file `data/reference/<name>.parquet` as a view `ref_<name>`.
 * Views, not copies: the panel stays in the repo's compact files and is never duplicated into a
 * user's store, and a newer checkout's panel is what every query sees.
 */
export async function attachPanel(
  store: Store,
  dir: string = PANEL_DIR,
  userDir: string | undefined = activeUserPanel(userPanelRoot()),
): Promise<void> {
  // The user panel (`ana panel import`, $ANA_PANEL_DIR) overrides shipped tables of the same name.
  for (const d of [dir, userDir]) {
    if (!d || !existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) {
      if (!f.endsWith(".parquet")) continue;
      const name = f.slice(0, -".parquet".length).replace(/[^A-Za-z0-9_]/g, "_");
      const path = `${d}${f}`.replaceAll("'", "''");
      await store.run(
        `CREATE OR REPLACE TEMP VIEW ref_${name} AS SELECT * FROM read_parquet('${path}')`,
      );
    }
  }
}
