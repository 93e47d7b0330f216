import { createHash } from "node:crypto";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Caches of other code or data kept beside the current one (most recently used first). */
const KEEP_OTHER_FINGERPRINTS = 3;

/**
 * Where a read-only server keeps computed answers between runs: `$ANA_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/ana/api`, else `~/.cache/ana/api`. `ANA_CACHE_DIR=off` turns it off.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.ANA_CACHE_DIR === "off") return undefined;
  if (env.ANA_CACHE_DIR) return env.ANA_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "ana", "api");
}

function hashTree(h: ReturnType<typeof createHash>, dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const n of names) {
    if (n === "node_modules" || n.startsWith(".")) continue;
    const p = join(dir, n);
    const st = statSync(p);
    if (st.isDirectory()) hashTree(h, p);
    else {
      h.update(`${p}\0`);
      h.update(readFileSync(p));
    }
  }
}

/**
 * A fingerprint of everything a memoised answer is computed from: ANA's code (`src/`, `dist/`), its
 * shipped data (`data/`, including the Parquet panel), the locked dependency versions and any
 * extra scenario folders. A change to any of them gives a new fingerprint, so an answer cached on
 * disk is never served for other code or data.
 */
export function dataFingerprint(extraDirs: string[] = []): string {
  const h = createHash("sha256");
  hashTree(h, join(ROOT, "src"));
  // The compiled code that may run instead of src/ (an installed package may ship only dist/).
  hashTree(h, join(ROOT, "dist"));
  hashTree(h, join(ROOT, "data"));
  for (const f of ["package.json", "package-lock.json"]) {
    try {
      h.update(readFileSync(join(ROOT, f)));
    } catch {
      // an installed package may carry no lock file
    }
  }
  for (const d of [...extraDirs].sort()) hashTree(h, d);
  return h.digest("hex").slice(0, 16);
}

/**
 * Computed answers on disk, one JSON file per memo key under `<dir>/<fingerprint>/`. Of other
 * fingerprints (older code or data, other checkouts) the three most recently used are kept and the
 * rest removed when the cache opens. Writes are atomic
 * (temporary file, then rename), so readers never see half a file; a file that cannot be read is
 * treated as absent. Only for answers that are pure functions of the request, code and data.
 */
export class ResponseCache {
  readonly dir: string;
  private entries: number;
  constructor(
    root: string,
    fingerprint: string,
    /** At most this many answers on disk (requests choose keys: the cache must not grow without end). */
    readonly maxEntries = 2000,
  ) {
    this.dir = join(root, fingerprint);
    mkdirSync(this.dir, { recursive: true });
    const now = new Date();
    utimesSync(this.dir, now, now); // "used": what the pruning below orders by
    // Other fingerprints are other code or data (an older version, another checkout that may be
    // serving right now): keep the most recently used few, remove the rest.
    const others = readdirSync(root)
      .filter((d) => d !== fingerprint && /^[0-9a-f]{16}$/.test(d))
      .map((d) => ({ d, t: statSync(join(root, d)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { d } of others.slice(KEEP_OTHER_FINGERPRINTS))
      rmSync(join(root, d), { recursive: true, force: true });
    this.entries = readdirSync(this.dir).filter((f) => f.endsWith(".json")).length;
  }

  private file(key: string): string {
    return join(this.dir, `${createHash("sha256").update(key).digest("hex")}.json`);
  }

  get(key: string): unknown {
    try {
      const e = JSON.parse(readFileSync(this.file(key), "utf8")) as { key: string; value: unknown };
      return e.key === key ? e.value : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keep `value` for `key`, unless the cache is full (then the answer is only kept in memory). */
  put(key: string, value: unknown): void {
    if (this.entries >= this.maxEntries) return;
    const f = this.file(key);
    const tmp = `${f}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify({ key, value }));
      renameSync(tmp, f);
      this.entries++;
    } catch {
      // a full or read-only disk only costs the next start its warm-up
      rmSync(tmp, { force: true });
    }
  }
}
