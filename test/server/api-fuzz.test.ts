import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { stopWorker } from "../../src/corridor/run-in-worker.ts";
import { stopMipWorker } from "../../src/network/solve-mip.ts";
import { createApp } from "../../src/server/app.ts";

// Issue 15 (reliability suite): every GET route of the OpenAPI document, every parameter, with
// malformed values (the others valid): a 4xx naming the problem or a 200, never a 5xx. Every
// POST route with malformed bodies likewise.

interface OpenApiParam {
  name: string;
  in: "query" | "path";
  required?: boolean;
  description?: string;
  schema: {
    type?: string;
    pattern?: string;
    enum?: string[];
    minimum?: number;
    default?: unknown;
    description?: string;
  };
}
interface OpenApiDoc {
  paths: Record<string, { get?: { parameters?: OpenApiParam[] }; post?: unknown }>;
}

/** Values no parameter should turn into a server error. */
const MALFORMED = [
  "",
  " ",
  "0x10",
  "-1",
  "1e309",
  "NaN",
  "2025-02-30",
  "constructor",
  "__proto__",
  "18446744073709551616",
  "x".repeat(3000),
  "\u0000",
  "%",
  "AZE,,RUS",
  '{"a":1}',
  "../../etc/passwd",
  "é",
];

/** Cheap valid values for a route's required parameters (and small simulations). */
function validValue(p: OpenApiParam): string {
  const s = p.schema;
  if (p.in === "path") return "00000000-0000-4000-8000-000000000000";
  if (s.enum) return s.enum[0];
  if (s.type === "integer" && s.minimum === 1800) return "2016";
  if (s.pattern?.startsWith("^\\d{4}")) return "2016";
  if (s.pattern?.startsWith("^[A-Za-z]"))
    return ({ from: "CHN", to: "DEU", with: "RUS" } as Record<string, string>)[p.name] ?? "AZE";
  if (s.description?.startsWith("comma-separated actor codes"))
    return p.name === "close" ? "SUEZ" : "RUS,USA";
  if (s.type === "number") return String(s.default ?? 1);
  return "x";
}

/** Small runs for simulations so that valid variants stay cheap. */
const SMALL: Record<string, Record<string, string>> = {
  "/api/simulate/doctrine": { runs: "10", years: "2" },
  "/api/alignment": { draws: "50" },
  "/api/atlas": { year: "2016", draws: "10" },
  "/api/atlas/compare": {
    focal: "AZE",
    peers: "REGION:EUROPE",
    from: "2016",
    to: "2016",
    draws: "10",
  },
  // country is required, but under either of two names (country or iso3).
  "/api/corridors/leverage": { country: "AZE", year: "2024", network: "gas" },
};

let app: Hono;
let doc: OpenApiDoc;
before(async () => {
  ({ app } = await createApp({ db: ":memory:" }));
  doc = (await (await app.request("/api/openapi.json")).json()) as OpenApiDoc;
});
after(async () => {
  stopMipWorker();
  await stopWorker();
});

/** A server error is a failure unless it is a 503 for a stated limit (busy, time budget). */
async function assertNo5xx(res: Response, what: string): Promise<void> {
  const text = await res.text();
  if (res.status >= 500)
    assert.ok(
      res.status === 503 && /time|limit|budget|running/i.test(text),
      `${what} → ${res.status} ${text.slice(0, 200)}`,
    );
  if (res.status >= 400) assert.ok(JSON.parse(text).error, `${what}: an error message`);
}

test("every GET route answers malformed parameter values with a 4xx (or 200), never a 5xx", async () => {
  let requests = 0;
  let rejected = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    const params = item.get?.parameters ?? [];
    if (!item.get || params.length === 0) continue;
    const valid: Record<string, string> = { ...SMALL[path] };
    for (const p of params)
      if (p.required && !(p.name in (SMALL[path] ?? {}))) valid[p.name] = validValue(p);
    const url = (values: Record<string, string>) => {
      let u = path;
      const q = new URLSearchParams();
      for (const p of params) {
        const v = values[p.name];
        if (v === undefined) continue;
        if (p.in === "path") u = u.replace(`{${p.name}}`, encodeURIComponent(v));
        else q.set(p.name, v);
      }
      return `${u}?${q}`;
    };
    const base = await app.request(url(valid));
    assert.ok(
      [200, 404].includes(base.status),
      `${url(valid)} → ${base.status} ${await base.text()}`,
    );
    for (const p of params) {
      // An alias ("another name for country") is fuzzed without the name it stands for.
      const aliasOf = /^another name for (\w+)$/.exec(p.schema.description ?? p.description ?? "");
      const others = { ...valid };
      if (aliasOf) delete others[aliasOf[1]];
      for (const bad of MALFORMED) {
        const u = url({ ...others, [p.name]: bad });
        const res = await app.request(u);
        requests++;
        if (res.status >= 400 && res.status < 500) rejected++;
        await assertNo5xx(res, `GET ${u.slice(0, 200)}`);
      }
    }
  }
  assert.ok(requests > 500, `${requests} requests`);
  assert.ok(
    rejected > requests / 2,
    `most malformed values are rejected (${rejected} of ${requests})`,
  );
});

test("every POST route answers malformed JSON bodies with a 4xx (or 200), never a 5xx", async () => {
  const bodies = [
    "null",
    "[]",
    '"text"',
    "42",
    "{",
    '{"__proto__": {"polluted": 1}}',
    '{"constructor": {"prototype": 1}}',
    `${"[".repeat(5000)}${"]".repeat(5000)}`,
    '{"kind": "doctrine", "params": {"runs": "1e309", "years": -1}}',
    '{"focal": "constructor", "changes": "changes: [1]"}',
    '{"actors": "name,size\\n", "propensities": ""}',
  ];
  let n = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!item.post || path.includes("{")) continue;
    for (const body of bodies) {
      const res = await app.request(path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      n++;
      await assertNo5xx(res, `POST ${path} ${body.slice(0, 60)}`);
    }
  }
  assert.ok(n >= 5 * bodies.length, `${n} requests`);
  assert.equal(({} as Record<string, unknown>).polluted, undefined, "no prototype pollution");
});

test("one rule for empty ranges: every GET route with from and to answers from after to with 400", async () => {
  let n = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    const params = item.get?.parameters ?? [];
    const from = params.find((p) => p.name === "from");
    const to = params.find((p) => p.name === "to");
    const isTime = (p?: OpenApiParam) =>
      p?.schema.type === "integer" || p?.schema.pattern?.startsWith("^\\d{4}");
    if (!isTime(from) || !isTime(to)) continue;
    const q = new URLSearchParams({ ...SMALL[path] });
    for (const p of params)
      if (p.required && !(p.name in (SMALL[path] ?? {}))) q.set(p.name, validValue(p));
    q.set("from", "2020");
    q.set("to", "2015");
    const res = await app.request(`${path}?${q}`);
    n++;
    assert.equal(res.status, 400, `${path}?${q}`);
    assert.match((await res.json()).error, /from 2020 is after to 2015/);
  }
  assert.ok(n >= 8, `${n} routes with from and to`);
});
