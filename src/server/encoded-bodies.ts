import { gzipSync } from "node:zlib";
import type { MiddlewareHandler } from "hono";

/** Answers shorter than this are sent as they are (encoding them is cheaper than a lookup). */
const ENCODED_DEFAULTS = { minChars: 16 * 1024, entries: 256, gzipLevel: 6 };

/**
 * Serialised answers that are sent many times (`ServerContext.memo`'s JSON strings) kept as bytes:
 * UTF-8 once, and gzip once for clients that accept it, instead of on every request. Keyed by the
 * string itself — the memo hands out the same string object each time, so a lookup is a pointer
 * comparison after the first hash. Least recently used entries go first.
 */
export class EncodedBodies {
  private map = new Map<string, { raw: Buffer; gzip?: Buffer }>();
  constructor(readonly options: Partial<typeof ENCODED_DEFAULTS> = {}) {}
  private get o() {
    return { ...ENCODED_DEFAULTS, ...this.options };
  }

  /** Remember `json` (a memoised answer) for sending. */
  add(json: string): void {
    if (json.length < this.o.minChars || this.map.has(json)) return;
    this.map.set(json, { raw: Buffer.from(json) });
    while (this.map.size > this.o.entries) this.map.delete(this.map.keys().next().value as string);
  }

  /** The bytes to send for `json`, gzipped when the client accepts it; undefined when not kept. */
  get(json: string, gzip: boolean): { body: Buffer; gzip: boolean } | undefined {
    if (json.length < this.o.minChars) return undefined;
    const e = this.map.get(json);
    if (!e) return undefined;
    if (!gzip) return { body: e.raw, gzip: false };
    e.gzip ??= gzipSync(e.raw, { level: this.o.gzipLevel });
    return { body: e.gzip, gzip: true };
  }
}

/**
 * Middleware: a route's `c.body(json, 200, headers)` of a kept answer sends the kept bytes
 * (gzipped when the request accepts gzip, with `Content-Encoding` and `Vary`). Everything else is
 * untouched.
 */
export function sendEncodedBodies(bodies: EncodedBodies): MiddlewareHandler {
  return async (c, next) => {
    const body = c.body;
    c.body = ((data: unknown, arg?: unknown, headers?: unknown) => {
      if (typeof data === "string" && arg === 200 && headers && typeof headers === "object") {
        const gzip = /\bgzip\b/.test(c.req.header("accept-encoding") ?? "");
        const e = bodies.get(data, gzip);
        if (e) {
          const h: Record<string, string> = {
            ...(headers as Record<string, string>),
            Vary: "Accept-Encoding",
          };
          if (e.gzip) h["Content-Encoding"] = "gzip";
          return body(e.body as unknown as string, 200, h);
        }
      }
      return (body as (...a: unknown[]) => Response)(data, arg, headers);
    }) as typeof c.body;
    await next();
  };
}
