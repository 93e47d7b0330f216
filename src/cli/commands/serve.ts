import type { Command } from "commander";
import { UsageError } from "../usage-error.ts";

export function register(program: Command): void {
  program
    .command("serve")
    .description("serve the HTTP API (and the dashboard) on loopback")
    .option("--port <n>", "port", "8080")
    .option("--host <host>", "interface to bind (loopback by default)", "127.0.0.1")
    .option("--db <path>", "store file (default: user data directory)")
    .option(
      "--store <url|file>",
      "imported events from ClickHouse: clickhouse://host:port[,host:port...]?cluster=NAME (docs/scale.md)",
    )
    .option("--writable", "allow requests that change the store (read-only by default)")
    .option(
      "--allow-host <name>",
      "also answer requests whose Host is NAME, e.g. behind a reverse proxy (repeatable; others get 403)",
      (v: string, acc: string[] | undefined) => [...(acc ?? []), v],
    )
    .option(
      "--scenario <dir>",
      "also serve this scenario folder, e.g. one made by `ana scenario init` (repeatable)",
      (v: string, acc: string[] | undefined) => [...(acc ?? []), v],
    )
    .action(
      async (opts: {
        port: string;
        host: string;
        db?: string;
        store?: string;
        writable?: boolean;
        scenario?: string[];
        allowHost?: string[];
      }) => {
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new UsageError(`--port must be 0-65535, not "${opts.port}"`);
        const { serve } = await import("@hono/node-server");
        const { createApp } = await import("../../server/app.ts");
        const scenarios: Record<string, string> = {};
        if (opts.scenario && opts.scenario.length > 0) {
          const { loadScenario } = await import("../../data/load-scenario.ts");
          const { resolve } = await import("node:path");
          const { builtinScenarios } = await import("../../data/scenario-registry.ts");
          const shipped = new Set(builtinScenarios());
          for (const dir of opts.scenario) {
            const id = loadScenario(resolve(dir)).meta.id;
            // Never a silent replacement of a shipped scenario or of another folder.
            if (shipped.has(id))
              throw new UsageError(
                `--scenario ${dir}: its id "${id}" is a shipped scenario's; give it another id in its scenario.yaml`,
              );
            if (Object.hasOwn(scenarios, id))
              throw new UsageError(
                `--scenario: ${dir} and ${scenarios[id]} have the same id "${id}"`,
              );
            scenarios[id] = resolve(dir);
          }
        }
        const { defaultCacheDir } = await import("../../server/response-cache.ts");
        const { app, ctx } = await createApp({
          db: opts.db,
          writable: opts.writable,
          scenarios,
          cacheDir: defaultCacheDir(),
          eventStore: opts.store,
          host: opts.host,
          allowedHosts: opts.allowHost,
        });
        // A writable server takes the store's lock now (and says which store), so a conflict shows
        // at start; a read-only one opens the store read-only only while requests read events.
        const held = opts.writable ? (await ctx.openWritable()).path : undefined;
        const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
          const host = info.address.includes(":") ? `[${info.address}]` : info.address;
          process.stdout.write(
            `ANA serving on http://${host}:${info.port}/ (${held ? `writable: holds the store ${held} for writing until it stops` : "read-only"}; Ctrl-C to stop)\n`,
          );
          // The dashboard's first answers, computed (or read from the disk cache) in the
          // background; progress at GET /api/health.
          if (!held) void import("../../server/warm-up.ts").then((m) => m.warmUp(app, ctx));
        });
        const stop = () => {
          server.close();
          void ctx.close().finally(() => process.exit(0));
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      },
    );
}
