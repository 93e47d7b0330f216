import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import type { ServerContext } from "../context.ts";

/** The built dashboard (`vite build` writes it; `npm start` builds it first when needed). */
export const WEB_DIST = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Everything loads from this server and nothing else: the dashboard cannot make a request that
 * leaves the machine, even by mistake.
 */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

/**
 * Resolve a URL path to a file inside `root`, or null. Decoding, `..`, NUL and absolute paths are
 * checked so that no request reaches a file outside the built dashboard.
 */
export function safeFile(root: string, urlPath: string): string | null {
  let p: string;
  try {
    p = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (p.includes("\0") || p.includes("\\")) return null;
  const parts = p.split("/").filter(Boolean);
  if (parts.some((x) => x === ".." || x === "." || x.startsWith("."))) return null;
  const base = resolve(root);
  const file = resolve(base, ...parts);
  if (file !== base && !file.startsWith(base + sep)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** Serve `web/dist` for every non-API GET, with the single-page app's index as the fallback. */
export function register(app: Hono, _ctx: ServerContext, root: string = WEB_DIST): void {
  const headers = (type: string, cache: string) => ({
    "Content-Type": type,
    "Cache-Control": cache,
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  });
  app.get("/*", (c, next) => {
    const path = c.req.path;
    // Later route files add /api/ endpoints; leave those to them (and to the JSON 404).
    if (path === "/api" || path.startsWith("/api/")) return next();
    const index = join(root, "index.html");
    if (!existsSync(index))
      return c.text(
        "The dashboard is not built: run `npm run build:web` (npm start does it for you). The API is under /api/.",
        503,
      );
    const file = path === "/" ? index : safeFile(root, path);
    if (file) {
      const immutable = file.startsWith(join(root, "assets") + sep);
      return c.body(
        readFileSync(file),
        200,
        headers(
          TYPES[extname(file)] ?? "application/octet-stream",
          immutable ? "public, max-age=31536000, immutable" : "no-cache",
        ),
      );
    }
    // Asset-like paths that are missing are real 404s; page paths get the app (client routing).
    if (extname(path) !== "") return c.text("not found", 404);
    return c.body(readFileSync(index), 200, headers(TYPES[".html"], "no-cache"));
  });
}
