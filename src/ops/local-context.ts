import { readScenario } from "../data/load-scenario.ts";
import { ValidationError } from "../data/problem.ts";
import {
  builtinScenarios,
  DEFAULT_SCENARIO,
  resolveScenarioDir,
} from "../data/scenario-registry.ts";
import type { EventBackend } from "../store/event-backend.ts";
import type { Store } from "../store/store.ts";
import type { LoadedScenario, OpContext } from "./context.ts";
import { UsageError } from "./errors.ts";

/** Options every local (CLI or library) call may give beside its parameters. */
export interface LocalOptions {
  /** Store file (default: the user data directory); ":memory:" for none. */
  db?: string;
  /**
   * Imported events from ClickHouse instead of the store file:
   * `clickhouse://host:port[,host:port...]?cluster=NAME` (docs/scale.md).
   */
  store?: string;
}

/** The context of a CLI command or a library call; `close()` releases what it opened. */
export class LocalContext implements OpContext {
  readonly surface = "local" as const;
  private storePromise?: Promise<Store>;
  private readerPromise?: Promise<Store>;
  private eventsPromise?: Promise<EventBackend>;
  private scenarios = new Map<string, LoadedScenario>();
  /**
   * `panel`: a reference-panel store shared by many contexts (the library keeps one for the
   * process, so repeated calls do not attach the panel again); not closed by `close()`.
   */
  constructor(
    readonly options: LocalOptions = {},
    private readonly panel?: () => Promise<Store>,
  ) {
    if (options.db !== undefined && options.store !== undefined)
      throw new UsageError(
        "{db} (DuckDB file) and {store} (ClickHouse) name different stores: give one",
      );
  }

  scenario(id: string | undefined): LoadedScenario | undefined {
    const key = id ?? "";
    const hit = this.scenarios.get(key);
    if (hit) return hit;
    let dir: string;
    try {
      dir = resolveScenarioDir(id ?? DEFAULT_SCENARIO);
    } catch (e) {
      if (id !== undefined) throw e;
      return undefined;
    }
    const r = readScenario(dir);
    if (!r.scenario) throw new ValidationError(r.problems);
    const loaded = { scenario: r.scenario, lines: r.lines };
    this.scenarios.set(key, loaded);
    return loaded;
  }

  /** The reference panel alone (in memory): queries never lock the store file. */
  scenarioIds(): string[] {
    return builtinScenarios();
  }

  store(): Promise<Store> {
    if (this.panel) return this.panel();
    this.storePromise ??= import("../store/store.ts").then(({ Store }) => Store.panel());
    return this.storePromise;
  }

  /** The store file for imported events, read-only and shared with other readers. */
  private reader(): Promise<Store> {
    this.readerPromise ??= import("../store/store.ts").then(({ Store }) =>
      Store.read(this.options.db),
    );
    return this.readerPromise;
  }

  events(): Promise<EventBackend> {
    this.eventsPromise ??= (async () => {
      const { openEventBackend, DuckDbEventBackend } = await import("../store/event-backend.ts");
      if (this.options.store !== undefined) return openEventBackend({ store: this.options.store });
      return new DuckDbEventBackend(await this.reader());
    })();
    return this.eventsPromise;
  }

  async close(): Promise<void> {
    const ev = this.eventsPromise && (await this.eventsPromise.catch(() => undefined));
    if (ev && ev.kind !== "duckdb") await ev.close();
    for (const p of [this.storePromise, this.readerPromise]) {
      const st = p && (await p.catch(() => undefined));
      st?.close();
    }
  }
}
