import assert from "node:assert/strict";
import { test } from "node:test";
import { Hono } from "hono";
import { z } from "zod";
import { createApp } from "../../src/server/app.ts";
import {
  describe,
  openApiDocument,
  openApiPath,
  registeredApiRoutes,
} from "../../src/server/openapi.ts";

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        summary: string;
        parameters: {
          name: string;
          in: string;
          required: boolean;
          schema: Record<string, unknown>;
        }[];
        "x-undocumented"?: boolean;
      }
    >
  >;
};

test("GET /api/openapi.json lists every /api/ route the app registers, each described by its route file", async () => {
  const { app } = await createApp({ db: ":memory:" });
  const res = await app.request("/api/openapi.json");
  assert.equal(res.status, 200);
  const doc = (await res.json()) as Doc;
  assert.equal(doc.openapi, "3.1.0");
  const routes = registeredApiRoutes(app);
  assert.ok(routes.length >= 8, `expected the core routes, got ${routes.length}`);
  for (const r of routes) {
    const op = doc.paths[openApiPath(r.path)]?.[r.method];
    assert.ok(op, `${r.method.toUpperCase()} ${r.path} is missing from /api/openapi.json`);
    assert.ok(
      !op["x-undocumented"],
      `${r.method.toUpperCase()} ${r.path} has no describe() in its route file`,
    );
    assert.ok(op.summary.length > 10, `${r.path} needs a summary`);
  }
});

test("query parameters come from the zod schema the handler validates with", async () => {
  const { app } = await createApp({ db: ":memory:" });
  const doc = (await (await app.request("/api/openapi.json")).json()) as Doc;
  const events = doc.paths["/api/events"].get;
  const names = events.parameters.map((p) => p.name).sort();
  assert.deepEqual(names, ["actor", "domain", "from", "level", "scenario", "to", "tone", "with"]);
  const level = events.parameters.find((p) => p.name === "level")!;
  assert.deepEqual(level.schema.enum, ["neighbourhood", "regional", "systemic"]);
  assert.equal(level.required, false);
  assert.ok(
    doc.paths["/api/jobs/{id}"].get.parameters.some(
      (p) => p.name === "id" && p.in === "path" && p.required,
    ),
  );
});

test("openApiDocument marks a route nobody described as undocumented instead of hiding it", () => {
  const app = new Hono();
  app.get("/api/described", (c) => c.json({}));
  app.get("/api/forgotten/:id", (c) => c.json({}));
  describe(app, {
    method: "get",
    path: "/api/described",
    summary: "A described route",
    query: z.object({ n: z.coerce.number().int() }),
  });
  const doc = openApiDocument(app, { version: "test" }) as Doc;
  assert.equal(doc.paths["/api/described"].get.summary, "A described route");
  assert.equal(doc.paths["/api/described"].get.parameters[0].name, "n");
  assert.equal(doc.paths["/api/described"].get.parameters[0].required, true);
  assert.equal(doc.paths["/api/forgotten/{id}"].get["x-undocumented"], true);
});
