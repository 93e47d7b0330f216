import type { Hono } from "hono";
import { z } from "zod";

/** One query parameter, already in OpenAPI form (operations describe theirs this way). */
export interface OpenApiParameter {
  name: string;
  in: "query";
  required: boolean;
  schema: Record<string, unknown>;
  description?: string;
}

/** What a route file says about one of its endpoints, for `/api/openapi.json`. */
export interface RouteDoc {
  method: "get" | "post" | "put" | "delete";
  /** Hono-style path, e.g. `/api/jobs/:id`. */
  path: string;
  summary: string;
  description?: string;
  /** Area, e.g. "core", "measures", "network" (OpenAPI tag). */
  tag?: string;
  /** The zod object schema the handler validates its query string with. */
  query?: z.ZodObject;
  /** Query parameters in OpenAPI form (instead of `query`). */
  parameters?: OpenApiParameter[];
  /** The zod schema of a JSON request body. */
  body?: z.ZodType;
  /** A JSON request body's schema already in JSON Schema form (instead of `body`). */
  bodySchema?: Record<string, unknown>;
  /** Extra responses beside 200 and the documented error shape, by status code. */
  responses?: Record<string, string>;
}

const docs = new WeakMap<Hono, RouteDoc[]>();

/**
 * Describe an endpoint so that it appears in `/api/openapi.json`. Route files call this beside
 * `app.get(...)`/`app.post(...)`, passing the same zod schema they validate with, so the document
 * cannot drift from the validation. A test checks that every `/api/` route is described.
 */
export function describe(app: Hono, doc: RouteDoc): void {
  let list = docs.get(app);
  if (!list) {
    list = [];
    docs.set(app, list);
  }
  list.push(doc);
}

/** The descriptions given for an app, in registration order. */
export function describedRoutes(app: Hono): readonly RouteDoc[] {
  return docs.get(app) ?? [];
}

/** `/api/jobs/:id` → `/api/jobs/{id}`. */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

/** The /api/ routes Hono actually has (method + path), excluding middleware registrations. */
export function registeredApiRoutes(app: Hono): { method: string; path: string }[] {
  const seen = new Set<string>();
  const out: { method: string; path: string }[] = [];
  for (const r of app.routes) {
    if (!r.path.startsWith("/api/") || r.path.includes("*") || r.method === "ALL") continue;
    const key = `${r.method.toLowerCase()} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ method: r.method.toLowerCase(), path: r.path });
  }
  return out;
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  try {
    const s = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<
      string,
      unknown
    >;
    delete s.$schema;
    return s;
  } catch {
    return {};
  }
}

const errorSchema = {
  type: "object",
  properties: { error: { type: "string" }, problems: { type: "array" } },
  required: ["error"],
};

/**
 * The OpenAPI 3.1 document: every described route, plus any registered /api/ route that no file
 * described (marked `x-undocumented`, so the gap shows instead of hiding).
 */
export function openApiDocument(app: Hono, info: { version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const add = (doc: RouteDoc, undocumented = false) => {
    const p = openApiPath(doc.path);
    paths[p] ??= {};
    const params: Record<string, unknown>[] = [];
    for (const m of doc.path.matchAll(/:([A-Za-z0-9_]+)/g))
      params.push({ name: m[1], in: "path", required: true, schema: { type: "string" } });
    if (doc.parameters) params.push(...doc.parameters.map((x) => ({ ...x })));
    if (doc.query) {
      const s = jsonSchema(doc.query) as {
        properties?: Record<string, Record<string, unknown>>;
        required?: string[];
      };
      for (const [name, schema] of Object.entries(s.properties ?? {})) {
        const { description, ...rest } = schema;
        params.push({
          name,
          in: "query",
          required: s.required?.includes(name) ?? false,
          schema: rest,
          ...(description ? { description } : {}),
        });
      }
    }
    const responses: Record<string, unknown> = {
      "200": { description: "OK (JSON)" },
      "400": {
        description: "invalid input: the message names each bad parameter",
        content: { "application/json": { schema: errorSchema } },
      },
    };
    for (const [code, description] of Object.entries(doc.responses ?? {}))
      responses[code] = { description, content: { "application/json": { schema: errorSchema } } };
    paths[p][doc.method] = {
      summary: doc.summary,
      ...(doc.description ? { description: doc.description } : {}),
      tags: [doc.tag ?? "other"],
      operationId: `${doc.method}${doc.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ? ch.toUpperCase() : ""))}`,
      parameters: params,
      ...(doc.body || doc.bodySchema
        ? {
            requestBody: {
              required: true,
              content: {
                "application/json": {
                  schema: doc.bodySchema ?? jsonSchema(doc.body as z.ZodType),
                },
              },
            },
          }
        : {}),
      responses,
      ...(undocumented ? { "x-undocumented": true } : {}),
    };
  };
  const described = describedRoutes(app);
  for (const d of described) add(d);
  const have = new Set(described.map((d) => `${d.method} ${d.path}`));
  for (const r of registeredApiRoutes(app)) {
    if (have.has(`${r.method} ${r.path}`)) continue;
    add(
      { method: r.method as RouteDoc["method"], path: r.path, summary: "(not yet described)" },
      true,
    );
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "ANA — Active Non-Alignment API",
      version: info.version,
      description:
        "Read-only JSON API over ANA's scenarios, measures, networks, corridors and simulations. " +
        "Every record carries its source; missing values are null, never 0. Errors are " +
        '`{"error": "..."}` with a 4xx status. Long computations run as jobs: POST creates one ' +
        "(202 with its id), GET /api/jobs/{id} polls progress and result.",
      license: { name: "MIT" },
    },
    servers: [{ url: "/" }],
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
  };
}
