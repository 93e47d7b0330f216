import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import type { Command } from "commander";
import type { Hono } from "hono";
import YAML from "yaml";
import { buildProgram } from "../../src/cli/main.ts";
import * as ana from "../../src/index.ts";
import { httpSpecs } from "../../src/ops/http.ts";
import { OPERATIONS } from "../../src/ops/registry.ts";
import type { ServerContext } from "../../src/server/context.ts";
import { createApp } from "../../src/server/index.ts";
import { jobsFor } from "../../src/server/jobs.ts";
import { openApiPath } from "../../src/server/openapi.ts";

/** Commands that stay hand-written because they only make sense on this machine. */
const LOCAL_ONLY = ["import", "panel import", "panel status", "serve"];

function leaves(cmd: Command, prefix = ""): string[] {
  const name = `${prefix} ${cmd.name()}`.trim();
  const subs = cmd.commands as Command[];
  if (subs.length === 0) return [name];
  // A command with its own action and subcommands (`atlas`, `atlas compare`) counts as both.
  const own = (cmd as unknown as { _actionHandler?: unknown })._actionHandler ? [name] : [];
  return [
    ...own,
    ...subs.flatMap((c) => leaves(c, prefix === "" && cmd.name() === "ana" ? "" : name)),
  ];
}

let app: Hono;
let ctx: ServerContext;
before(async () => {
  ({ app, ctx } = await createApp({ db: ":memory:" }));
});
after(() => ctx.close());

test("every CLI command is an operation or a declared local-only command, and every operation is a command", async () => {
  const program = await buildProgram();
  const commands = leaves(program).sort();
  const ops = OPERATIONS.map((o) => o.name);
  for (const c of commands)
    assert.ok(ops.includes(c) || LOCAL_ONLY.some((l) => c === l || c.startsWith(`${l} `)), c);
  for (const o of ops) assert.ok(commands.includes(o), `operation ${o} has no command`);
});

test("every operation is a library function of the same name in camelCase", () => {
  const lib = ana as unknown as Record<string, unknown>;
  for (const op of OPERATIONS) {
    const camel = op.name.replace(/[ -](.)/g, (_, c: string) => c.toUpperCase());
    assert.equal(op.fnName, camel);
    assert.equal(typeof lib[camel], "function", `ana.${camel}`);
    assert.equal((lib[camel] as { name: string }).name, camel);
  }
});

test("every operation's route is in the OpenAPI document with the parameters it declares, and its job kind is registered", async () => {
  const doc = (await (await app.request("/api/openapi.json")).json()) as {
    paths: Record<
      string,
      Record<string, { parameters: { name: string }[]; requestBody?: unknown; summary: string }>
    >;
  };
  const kinds = jobsFor(ctx)
    .kindList()
    .map((k) => k.name);
  for (const op of OPERATIONS) {
    const served = Object.entries(op.params)
      .filter(([, p]) => !p.spec.localOnly)
      .map(([k]) => k);
    for (const http of httpSpecs(op)) {
      const entry = doc.paths[openApiPath(http.path)]?.[http.method];
      assert.ok(entry, `${http.method} ${http.path}`);
      assert.equal(entry.summary, op.summary);
      if (http.method === "get") {
        const names = entry.parameters.map((x) => x.name);
        const aliases = Object.keys(http.aliases ?? {});
        assert.deepEqual(names.sort(), [...served, ...aliases].sort(), http.path);
      } else assert.ok(entry.requestBody, http.path);
    }
    if (op.job) assert.ok(kinds.includes(op.job.kind), op.job.kind);
  }
});

const window = YAML.parse(
  readFileSync(new URL("../../data/scenarios/azerbaijan/scenario.yaml", import.meta.url), "utf8"),
) as { from: string; to: string; focal: string };

test("years default to the scenario's own window (scenario.yaml), on every surface", async () => {
  const from = Number(window.from.slice(0, 4));
  const to = Number(window.to.slice(0, 4));
  const lib = await ana.dependence({ focal: window.focal, domain: "arms", db: ":memory:" });
  assert.deepEqual(
    lib.rows.map((r) => r.year),
    Array.from({ length: to - from + 1 }, (_, i) => from + i),
  );
  const res = await app.request(`/api/multilateralism?focal=${window.focal}`);
  assert.equal(res.status, 200);
  const body = (await res.json()) as { rows: { year: number }[] };
  assert.equal(body.rows[0].year, from);
  assert.equal(body.rows.at(-1)?.year, to);
});

test("another state never gets Azerbaijan's window: it needs years, or defaults to the panel's coverage", async () => {
  await assert.rejects(
    ana.scorecard({ focal: "GEO", db: ":memory:" }),
    (e: Error) => e instanceof ana.UsageError && /no scenario about GEO/.test(e.message),
  );
  const res = await app.request("/api/scorecard?focal=GEO");
  assert.equal(res.status, 400);
  assert.match(((await res.json()) as { error: string }).error, /give from and to/);
  // Arms imports come from the panel (SIPRI): without a scenario about GEO, its coverage.
  const dep = await ana.dependence({ focal: "GEO", domain: "arms", db: ":memory:" });
  const cov = (await ana.sources({})).sources.find((s) => s.table === "ref_sipri");
  assert.ok(cov);
  assert.equal(dep.rows[0].year, cov.from_year);
  assert.equal(dep.rows.at(-1)?.year, cov.to_year);
});

test("ApiResult<name> is the type of what the library function (and the route) returns", async () => {
  const r: import("../../src/ops/api-types.ts").ApiResult<"alignment"> = await ana.alignment({
    focal: "AZE",
    with: ["RUS"],
    from: 2016,
    to: 2016,
  });
  const p: import("../../src/ops/api-types.ts").ApiParams<"alignment"> = {
    focal: "AZE",
    with: "RUS",
  };
  // The types are real (not any): a field the result does not have does not type-check.
  // @ts-expect-error: alignment's result has no `nope`
  assert.equal(r.nope, undefined);
  const res = await app.request(`/api/alignment?focal=${p.focal}&with=${p.with}&from=2016&to=2016`);
  assert.deepEqual(await res.json(), JSON.parse(JSON.stringify(r)));
});

test("a job kind derived from an operation answers what the library function returns (corridor-leverage)", async () => {
  const post = await app.request("/api/compute/jobs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      kind: "corridor-leverage",
      params: { country: "AZE", network: "gas", year: 2024 },
    }),
  });
  assert.equal(post.status, 202);
  const { id } = (await post.json()) as { id: string };
  let job: { status: string; result?: unknown; error?: string } = { status: "running" };
  for (let i = 0; i < 600 && job.status === "running"; i++) {
    await new Promise((r) => setTimeout(r, 100));
    job = (await (await app.request(`/api/jobs/${id}`)).json()) as typeof job;
  }
  assert.equal(job.status, "done", job.error);
  const lib = await ana.corridorsLeverage({ country: "AZE", network: "gas", year: 2024 });
  assert.deepEqual(job.result, JSON.parse(JSON.stringify(lib)));
  assert.equal(lib.rows.length, 1);
  const { stopWorker } = await import("../../src/corridor/run-in-worker.ts");
  await stopWorker();
});

test("the events operation's levels are the model's", async () => {
  const { LEVELS } = await import("../../src/model/level.ts");
  const { EVENT_LEVELS } = await import("../../src/ops/operations/events.ts");
  assert.deepEqual([...EVENT_LEVELS], [...LEVELS]);
});

test("the dependence operation's domains are the measure's", async () => {
  const measure = await import("../../src/measure/dependence.ts");
  const op = await import("../../src/ops/operations/dependence.ts");
  assert.deepEqual([...op.DEPENDENCE_DOMAINS], [...measure.DEPENDENCE_DOMAINS]);
});

test("the scenario operations' record kinds are the model's", async () => {
  const { SCENARIO_RECORD_KINDS } = await import("../../src/model/scenario.ts");
  const { RECORD_KINDS } = await import("../../src/ops/operations/scenario-kinds.ts");
  assert.deepEqual([...RECORD_KINDS], [...SCENARIO_RECORD_KINDS]);
});
