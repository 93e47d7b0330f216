import { DEFAULT_SCENARIO } from "../data/scenario-registry.ts";
import type { ServerContext } from "../server/context.ts";
import type { EventBackend } from "../store/event-backend.ts";
import type { LoadedScenario, OpContext } from "./context.ts";

const clickHouse = new WeakMap<ServerContext, Promise<EventBackend>>();

/** The ClickHouse client of a server started with `--store clickhouse://…` (opened once, kept). */
function clickHouseEvents(ctx: ServerContext, url: string): Promise<EventBackend> {
  let b = clickHouse.get(ctx);
  if (!b) {
    b = import("../store/event-backend.ts").then(({ openEventBackend }) =>
      openEventBackend({ store: url }),
    );
    b.catch(() => clickHouse.delete(ctx));
    clickHouse.set(ctx, b);
  }
  return b;
}

/**
 * An operation's context inside the server: shipped scenario ids (and the folders the operator
 * named at start-up) only. A named scenario that is unknown or invalid is an error (404/422), and
 * so is an invalid default: never a silent "no scenario". The reference panel needs no store file;
 * imported events come from ClickHouse when the server was started with `--store clickhouse://…`,
 * else from the store file, read-only and shared with other readers (or a writable server's own
 * store): `close()` releases this request's hold on it (the server closes the file when idle).
 */
export function serverOpContext(ctx: ServerContext, signal?: AbortSignal): OpContext {
  let reader: Promise<{ backend: EventBackend; close?: () => void }> | undefined;
  return {
    surface: "server",
    signal,
    scenario(id: string | undefined): LoadedScenario | undefined {
      if (id !== undefined) return { scenario: ctx.scenario(id) };
      if (!ctx.scenarioIds().includes(DEFAULT_SCENARIO)) return undefined;
      return { scenario: ctx.scenario(DEFAULT_SCENARIO) };
    },
    scenarioIds: () => ctx.scenarioIds(),
    store: () => ctx.panel(),
    events() {
      reader ??= (async () => {
        if (ctx.options.eventStore !== undefined)
          return { backend: await clickHouseEvents(ctx, ctx.options.eventStore) };
        const { DuckDbEventBackend } = await import("../store/event-backend.ts");
        // The server's shared read-only handle (closed when idle), or a writable server's store.
        const { store, release } = await ctx.acquireEvents();
        return { backend: new DuckDbEventBackend(store), close: release };
      })();
      return reader.then((r) => r.backend);
    },
    async close() {
      const r = reader && (await reader.catch(() => undefined));
      r?.close?.();
    },
  };
}
