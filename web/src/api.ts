/** A JSON answer from the ANA API, or why there is none. */
export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; error: string; missing: boolean };

const cache = new Map<string, Promise<ApiResult<unknown>>>();

/**
 * GET (cached per URL) or POST a JSON endpoint. `missing` is true when this server has no such
 * endpoint (the capability has not landed), which pages show as "not available", never as data.
 */
export function api<T>(path: string, init?: RequestInit): Promise<ApiResult<T>> {
  const get = !init?.method || init.method === "GET";
  if (get && cache.has(path)) return cache.get(path) as Promise<ApiResult<T>>;
  const p = (async (): Promise<ApiResult<T>> => {
    let res: Response;
    try {
      res = await fetch(path, {
        ...init,
        headers: {
          Accept: "application/json",
          ...(init?.body ? { "Content-Type": "application/json" } : {}),
        },
      });
    } catch (e) {
      return {
        ok: false,
        status: 0,
        error: `the server did not answer (${(e as Error).message})`,
        missing: false,
      };
    }
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    if (res.ok) return { ok: true, data: body as T };
    const error =
      body && typeof body === "object" && "error" in body
        ? String((body as { error: unknown }).error)
        : res.statusText;
    return {
      ok: false,
      status: res.status,
      error,
      missing: res.status === 404 && /^no endpoint/.test(error),
    };
  })();
  if (get) {
    cache.set(path, p as Promise<ApiResult<unknown>>);
    // Failed answers are not cached, so a retry asks again.
    void p.then((r) => {
      if (!r.ok) cache.delete(path);
    });
  }
  return p;
}

export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== "") u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : "";
}

interface OpenApiDoc {
  paths: Record<string, Record<string, { summary?: string; "x-undocumented"?: boolean }>>;
}

let openapi: Promise<OpenApiDoc | null> | undefined;

/** The server's OpenAPI document, to know which capabilities this build has. */
export function capabilities(): Promise<OpenApiDoc | null> {
  openapi ??= api<OpenApiDoc>("/api/openapi.json").then((r) => (r.ok ? r.data : null));
  return openapi;
}

/** Whether the server has `method path` (path in OpenAPI form, e.g. /api/scorecard). */
export async function has(path: string, method = "get"): Promise<boolean> {
  const doc = await capabilities();
  return Boolean(doc?.paths[path]?.[method]);
}
