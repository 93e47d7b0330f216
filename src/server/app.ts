import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ValidationError } from "../data/problem.ts";
import { HttpError, ServerContext, type ServerOptions } from "./context.ts";
import { sendEncodedBodies } from "./encoded-bodies.ts";

/** Largest request body accepted (what-if change sets, uploaded edge lists). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The HTTP API. Every file in `./routes/` exports `register(app, ctx)` and adds its endpoints
 * under /api/, so capabilities add routes without touching a shared file.
 */
export async function createApp(
  options: ServerOptions = {},
): Promise<{ app: Hono; ctx: ServerContext }> {
  const ctx = new ServerContext(options);
  const app = new Hono();
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json({ error: `request body over ${MAX_BODY_BYTES} bytes` }, 413),
    }),
  );
  app.use("/api/*", async (c, next) => {
    // Read-only unless started with --writable: no request may change the store.
    if (
      !ctx.writable &&
      !["GET", "HEAD", "OPTIONS"].includes(c.req.method) &&
      !c.req.path.startsWith("/api/compute/")
    ) {
      return c.json(
        {
          error: "this server is read-only: start it with `ana serve --writable` to allow changes",
        },
        403,
      );
    }
    await next();
  });
  // Memoised answers go out as bytes encoded once (gzip for clients that accept it).
  app.use("/api/*", sendEncodedBodies(ctx.bodies));
  app.onError((e, c) => {
    if (e instanceof HttpError) return c.json({ error: e.message }, e.status);
    if (e instanceof ValidationError)
      return c.json({ error: "invalid data", problems: e.problems }, 422);
    console.error(e);
    return c.json({ error: "internal error" }, 500);
  });
  app.notFound((c) =>
    c.req.path.startsWith("/api/")
      ? c.json({ error: `no endpoint ${c.req.method} ${c.req.path}: see /api/openapi.json` }, 404)
      : c.text("not found", 404),
  );

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
