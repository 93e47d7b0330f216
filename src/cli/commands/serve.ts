import type { Command } from "commander";
import { UsageError } from "../usage-error.ts";

export function register(program: Command): void {
  program
    .command("serve")
    .description("serve the HTTP API (and the dashboard) on loopback")
    .option("--port <n>", "port", "8080")
    .option("--host <host>", "interface to bind (loopback by default)", "127.0.0.1")
    .option("--db <path>", "store file (default: user data directory)")
    .option("--writable", "allow requests that change the store (read-only by default)")
    .action(async (opts: { port: string; host: string; db?: string; writable?: boolean }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port must be 0-65535, not "${opts.port}"`);
      const { serve } = await import("@hono/node-server");
      const { createApp } = await import("../../server/app.ts");
      const { app, ctx } = await createApp({ db: opts.db, writable: opts.writable });
      const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
        const host = info.address.includes(":") ? `[${info.address}]` : info.address;
        process.stdout.write(
          `ANA serving on http://${host}:${info.port}/ (${opts.writable ? "writable" : "read-only"}; Ctrl-C to stop)\n`,
        );
      });
      const stop = () => {
        server.close();
        void ctx.close().finally(() => process.exit(0));
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
}
