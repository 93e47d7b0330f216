import type { z } from "zod";

/** The zod namespace (`z`). */
export type Zod = typeof z;

let loaded: Zod | undefined;

/**
 * Load zod once. Parameter schemas are built from it on first use, not when the operation list is
 * loaded, so that `ana --help` (and every command's start) does not pay for zod.
 */
export async function loadZod(): Promise<Zod> {
  loaded ??= (await import("zod")).z;
  return loaded;
}

/** Hand over an already imported zod (the server imports it anyway). */
export function provideZod(z: Zod): void {
  loaded ??= z;
}

/** The loaded zod; `loadZod()` must have run. */
export function zod(): Zod {
  if (!loaded) throw new Error("internal: zod is not loaded yet (await loadZod() first)");
  return loaded;
}
