import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { basename, join, resolve } from "node:path";

/**
 * The user's panel: tables a user imported (`ana panel import …`) that override the shipped
 * `data/reference/<name>.parquet` of the same name. Layout: `<root>/current` is a symbolic link to
 * the generation directory in use (`<root>/gen-<time>-<pid>/`, Parquet files plus `imports.json`).
 * An import writes a new generation and then replaces the link in one rename, so a reader sees the
 * old panel or the new one, never a mix, and a failed import leaves the old one in place.
 */
export const USER_PANEL_DEFAULTS = {
  /** Environment variable naming the user panel root. */
  env: "ANA_PANEL_DIR",
  /** Name of the link to the generation in use. */
  current: "current",
  /** Generations kept besides the current one (older ones are removed after an import). */
  keep: 1,
};

/** The user panel root: `$ANA_PANEL_DIR`, else `$XDG_DATA_HOME/ana/panel`, else `~/.local/share/ana/panel`. */
export function userPanelRoot(env: NodeJS.ProcessEnv = process.env): string {
  const v = env[USER_PANEL_DEFAULTS.env];
  if (v) return resolve(v);
  const base = env.XDG_DATA_HOME || join(homedir(), ".local", "share");
  return join(base, "ana", "panel");
}

/** The generation directory in use (with a trailing slash), or undefined when there is none. */
export function activeUserPanel(root: string = userPanelRoot()): string | undefined {
  const link = join(root, USER_PANEL_DEFAULTS.current);
  if (!existsSync(link)) return undefined;
  return `${resolve(root, readlinkSync(link))}/`;
}

/** One import as recorded in the generation's `imports.json`. */
export interface ImportRecord {
  kind: string;
  file: string;
  sha256: string;
  importedAt: string;
  tables: Record<string, number>;
  summary: Record<string, unknown>;
}

/**
 * Write a new generation of the user panel and make it current. `write(dir)` receives the new
 * generation directory, already holding a copy of the current generation's files, and writes or
 * replaces Parquet files in it. On any error the new directory is removed and the current panel is
 * untouched. Returns the new generation directory.
 */
export async function replaceUserPanel(
  root: string,
  record: ImportRecord,
  write: (dir: string) => Promise<void>,
): Promise<string> {
  mkdirSync(root, { recursive: true });
  const gen = join(root, `gen-${Date.now()}-${process.pid}`);
  mkdirSync(gen);
  try {
    const cur = activeUserPanel(root);
    const history: ImportRecord[] = [];
    if (cur)
      for (const f of readdirSync(cur)) {
        if (f === "imports.json") {
          history.push(...(JSON.parse(readFileSync(join(cur, f), "utf8")) as ImportRecord[]));
        } else if (f.endsWith(".parquet")) copyFileSync(join(cur, f), join(gen, f));
      }
    await write(gen);
    writeFileSync(join(gen, "imports.json"), `${JSON.stringify([...history, record], null, 2)}\n`);
    const tmp = join(root, `${USER_PANEL_DEFAULTS.current}.tmp-${process.pid}`);
    rmSync(tmp, { force: true });
    symlinkSync(basename(gen), tmp);
    renameSync(tmp, join(root, USER_PANEL_DEFAULTS.current));
  } catch (e) {
    rmSync(gen, { recursive: true, force: true });
    throw e;
  }
  // Old generations: keep the newest `keep` besides the current one.
  const gens = readdirSync(root)
    .filter((f) => f.startsWith("gen-") && join(root, f) !== gen)
    .sort();
  for (const f of gens.slice(0, Math.max(0, gens.length - USER_PANEL_DEFAULTS.keep)))
    rmSync(join(root, f), { recursive: true, force: true });
  return `${gen}/`;
}

/** What the user panel at `root` overrides: its tables and the imports that made them. */
export function userPanelStatus(root: string = userPanelRoot()): {
  root: string;
  generation: string | null;
  tables: string[];
  imports: ImportRecord[];
} {
  const gen = activeUserPanel(root);
  if (!gen) return { root, generation: null, tables: [], imports: [] };
  const files = readdirSync(gen);
  const imports = files.includes("imports.json")
    ? (JSON.parse(readFileSync(join(gen, "imports.json"), "utf8")) as ImportRecord[])
    : [];
  return {
    root,
    generation: gen,
    tables: files
      .filter((f) => f.endsWith(".parquet"))
      .map((f) => `ref_${f.slice(0, -".parquet".length)}`)
      .sort(),
    imports,
  };
}
