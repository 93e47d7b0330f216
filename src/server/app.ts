import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ValidationError } from "../data/problem.ts";
import { HttpError, ServerContext, type ServerOptions } from "./context.ts";
import { sendEncodedBodies } from "./encoded-bodies.ts";
import { allowedHosts, bodyTypeGuard, originGuard } from "./guard.ts";
import { WARMUP_HEADER } from "./warm-up-header.ts";

/** Largest request body accepted (what-if change sets, uploaded edge lists). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The HTTP API. Every file in `./routes/` exports `register(app, ctx)` and adds its endpoints
 * under /api/, so capabilities add routes without touching a shared file.
 */
export async function createApp(
  options: ServerOptions = {},
): Promise<{ app: Hono; ctx: ServerContext }> {
  checkServerOptions(options);
  const ctx = new ServerContext(options);
  const app = new Hono();
  // Only this server's own names and pages (DNS rebinding, cross-origin pages): see guard.ts.
  app.use("*", originGuard(allowedHosts(options.host, options.allowedHosts)));
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json({ error: `request body over ${MAX_BODY_BYTES} bytes` }, 413),
    }),
  );
  app.use("/api/*", async (c, next) => {
    // Read-only unless started with --writable: no request may change the store.
    // (Other methods than POST change nothing here: no route has them, they answer 405/404.)
    if (!ctx.writable && c.req.method === "POST" && !c.req.path.startsWith("/api/compute/")) {
      return c.json(
        {
          error: "this server is read-only: start it with `ana serve --writable` to allow changes",
        },
        403,
      );
    }
    await next();
  });
  app.use("/api/*", bodyTypeGuard());
  // Memoised answers go out as bytes encoded once (gzip for clients that accept it).
  app.use("/api/*", sendEncodedBodies(ctx.bodies));
  // Count visitors' requests: the start-up warm-up waits while any is being answered.
  app.use("/api/*", async (c, next) => {
    const visitor = c.req.header(WARMUP_HEADER) === undefined;
    if (visitor) ctx.activeRequests++;
    try {
      await next();
    } finally {
      if (visitor) ctx.activeRequests--;
    }
  });
  app.onError((e, c) => {
    if (e instanceof HttpError) return c.json({ error: e.message }, e.status);
    if (e instanceof ValidationError)
      return c.json({ error: "invalid data", problems: e.problems }, 422);
    // The client left and its computation was stopped: nobody reads this answer; not an error.
    if (c.req.raw.signal.aborted) return c.json({ error: "the client closed the connection" }, 400);
    console.error(e);
    return c.json({ error: "internal error" }, 500);
  });
  app.notFound((c) => {
    if (!c.req.path.startsWith("/api/")) return c.text("not found", 404);
    // The path exists for other methods: 405 with the methods it has.
    const allow = methodsOf(app, c.req.path);
    if (allow.length > 0)
      return c.json(
        { error: `${c.req.method} is not allowed on ${c.req.path} (allowed: ${allow.join(", ")})` },
        405,
        { Allow: allow.join(", ") },
      );
    return c.json(
      { error: `no endpoint ${c.req.method} ${c.req.path}: see /api/openapi.json` },
      404,
    );
  });

  const dir = fileURLToPath(new URL("./routes/", import.meta.url));
  for (const f of readdirSync(dir).sort()) {
    // .ts in a checkout run through tsx, .js in the compiled dist/
    if (!/\.[jt]s$/.test(f) || f.endsWith(".d.ts")) continue;
    const mod = (await import(new URL(`./routes/${f}`, import.meta.url).href)) as {
      register?: (app: Hono, ctx: ServerContext) => void;
    };
    mod.register?.(app, ctx);
  }
  return { app, ctx };
}

/** The methods of the routes (not middleware) whose pattern matches `path`. */
function methodsOf(app: Hono, path: string): string[] {
  const out = new Set<string>();
  for (const r of app.routes) {
    if (r.method === "ALL" || r.path.includes("*")) continue;
    const re = new RegExp(
      `^${r.path
        .split("/")
        .map((seg) => (seg.startsWith(":") ? "[^/]+" : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
        .join("/")}$`,
    );
    if (re.test(path)) out.add(r.method);
  }
  if (out.has("GET")) out.add("HEAD");
  return [...out].sort();
}

/**
 * Refuse options that would serve something other than what the operator meant: a read-only
 * server on a store file that does not exist (a typo would serve an empty store).
 */
export function checkServerOptions(options: ServerOptions): void {
  const db = options.db;
  if (db !== undefined && db !== ":memory:" && !options.writable && !existsSync(db))
    throw new Error(
      `store: no store file ${db} (a read-only server serves an existing store: check the path, import into it first, or start with --writable to create it)`,
    );
}
