import { join } from "node:path";
import { activeUserPanel, userPanelRoot } from "../data/panel/user-panel.ts";
import { dataFingerprint, defaultCacheDir, ResponseCache } from "../server/response-cache.ts";

/**
 * The Atlas's on-disk cache for local calls (`ana atlas`, the library function `atlas`): answers
 * kept under `<API cache dir>/atlas/<fingerprint>/` (`$ANA_CACHE_DIR/atlas`, else
 * `~/.cache/ana/api/atlas`; `ANA_CACHE_DIR=off` turns it off), keyed by the request and the user
 * panel in use (`ana panel import` writes a new generation: a new key). The fingerprint covers
 * ANA's code and shipped data, so other code or data never see these answers. At most
 * `maxEntries` answers (a whole Atlas is about 15 MB of JSON). The server has its own memo.
 */
export const ATLAS_CACHE_DEFAULTS = { maxEntries: 32 };

/** Open caches by root directory (one per process and directory). */
const caches = new Map<string, ResponseCache | null>();

function open(env: NodeJS.ProcessEnv): ResponseCache | null {
  const root = defaultCacheDir(env);
  if (!root) return null;
  const known = caches.get(root);
  if (known !== undefined) return known;
  let cache: ResponseCache | null;
  try {
    cache = new ResponseCache(
      join(root, "atlas"),
      dataFingerprint(),
      ATLAS_CACHE_DEFAULTS.maxEntries,
    );
  } catch {
    cache = null; // an unwritable cache directory only costs the computation
  }
  caches.set(root, cache);
  return cache;
}

/** `compute()`'s answer for `request`, from the disk cache when it holds it (then kept there). */
export async function cachedAtlas<T>(
  request: Record<string, unknown>,
  compute: () => Promise<T>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  const disk = open(env);
  if (!disk) return compute();
  const key = JSON.stringify({
    ...request,
    userPanel: activeUserPanel(userPanelRoot(env)) ?? null,
  });
  const hit = disk.get(key);
  if (hit !== undefined) return hit as T;
  const value = await compute();
  disk.put(key, value);
  return value;
}
