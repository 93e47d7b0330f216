import { hostname, networkInterfaces } from "node:os";
import type { MiddlewareHandler } from "hono";

/**
 * The server answers only its own origin (a local tool must not be drivable by any web page):
 *  - `Host` must be a loopback name or the name the server was started with (`--host`), so a
 *    DNS-rebinding page (`evil.example` resolving to 127.0.0.1) gets 403;
 *  - a request from a page of another origin (`Origin` header, or `Sec-Fetch-Site: cross-site`,
 *    which browsers send even on `<img>`/`<script>` loads) gets 403;
 *  - a request body must be `application/json` (or `text/csv` for edge lists): the types a page
 *    may send cross-origin without a preflight (text/plain, forms, multipart) get 415;
 *  - answers carry `X-Content-Type-Options: nosniff`.
 */
export const GUARD_DEFAULTS = {
  /** Names that always mean this machine. */
  loopback: ["localhost", "127.0.0.1", "::1"] as readonly string[],
  /** Request body types accepted (media type without parameters). */
  bodyTypes: ["application/json", "text/csv"] as readonly string[],
};

const WILDCARD = new Set(["0.0.0.0", "::", "[::]"]);

/** A Host or URL host without port or IPv6 brackets, lower-cased ("[::1]:8080" → "::1"). */
export function bareHost(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(1, h.indexOf("]") > 0 ? h.indexOf("]") : undefined);
  const colon = h.indexOf(":");
  // More than one colon: an IPv6 address without brackets (no port).
  if (colon >= 0 && h.indexOf(":", colon + 1) < 0) return h.slice(0, colon);
  return h;
}

/**
 * The host names this server answers to: loopback names, the configured `--host`, extra names,
 * and, when bound to every interface (0.0.0.0 or ::), the machine's own addresses and name.
 */
export function allowedHosts(host?: string, extra: readonly string[] = []): Set<string> {
  const out = new Set<string>(GUARD_DEFAULTS.loopback);
  for (const h of [host, ...extra]) if (h) out.add(bareHost(h));
  if (host && WILDCARD.has(host)) {
    out.add(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? []) out.add(a.address.toLowerCase());
  }
  return out;
}

/** Host and origin checks for every request (see the file's comment). */
export function originGuard(hosts: Set<string>): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const host = c.req.header("host") ?? url.host;
    const name = bareHost(host);
    if (!hosts.has(name))
      return c.json(
        {
          error: `host "${host.slice(0, 100)}" is not a name of this server (answers to ${[...hosts].join(", ")}); start it with --host NAME to serve another name`,
        },
        403,
      );
    const origin = c.req.header("origin");
    if (origin !== undefined && !sameOrigin(origin, host, hosts))
      return c.json({ error: `requests from the origin ${origin.slice(0, 100)} are refused` }, 403);
    if (c.req.header("sec-fetch-site") === "cross-site")
      return c.json({ error: "cross-site requests are refused" }, 403);
    await next();
    c.header("X-Content-Type-Options", "nosniff");
  };
}

/** An `Origin` is ours when it names this server's host, or a loopback/allowed name. */
function sameOrigin(origin: string, host: string, hosts: Set<string>): boolean {
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file://) and garbage
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return false;
  return u.host === host.toLowerCase() || hosts.has(bareHost(u.host));
}

/** Request bodies must be JSON (or CSV): 415 otherwise. */
export function bodyTypeGuard(): MiddlewareHandler {
  return async (c, next) => {
    // A body: framed by Transfer-Encoding or a positive Content-Length, or (requests built in
    // process, which carry neither) announced by a Content-Type.
    const length = c.req.header("content-length");
    const hasBody =
      c.req.header("transfer-encoding") !== undefined ||
      (length !== undefined ? Number(length) !== 0 : c.req.header("content-type") !== undefined);
    if (hasBody && !["GET", "HEAD"].includes(c.req.method)) {
      const type = (c.req.header("content-type") ?? "").split(";")[0].trim().toLowerCase();
      if (!GUARD_DEFAULTS.bodyTypes.includes(type))
        return c.json(
          {
            error: `request body must be sent as Content-Type: application/json${type ? `, not ${type.slice(0, 60)}` : ""}`,
          },
          415,
        );
    }
    await next();
  };
}
