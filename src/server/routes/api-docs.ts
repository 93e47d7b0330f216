import type { Hono } from "hono";
import { z } from "zod";
import { HttpError, type ServerContext } from "../context.ts";
import { jobsFor } from "../jobs.ts";
import { describe, openApiDocument } from "../openapi.ts";

const VERSION = "0.1.0";

const JobRequest = z.object({
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, "a job kind such as doctrine"),
  params: z.record(z.string(), z.unknown()).default({}),
});

const jobId = z.string().uuid();

/** The API's own description (`/api/openapi.json`) and the job endpoints shared by long computations. */
export function register(app: Hono, ctx: ServerContext): void {
  describe(app, {
    method: "get",
    path: "/api/openapi.json",
    tag: "core",
    summary: "This OpenAPI 3.1 document: every endpoint, its parameters and errors",
  });
  // Routes do not change once the server runs: build the document once.
  let doc: string | undefined;
  app.get("/api/openapi.json", (c) => {
    doc ??= JSON.stringify(openApiDocument(app, { version: VERSION }));
    return c.body(doc, 200, { "Content-Type": "application/json" });
  });

  const jobs = jobsFor(ctx);

  describe(app, {
    method: "get",
    path: "/api/jobs",
    tag: "jobs",
    summary: "Job kinds that can run, the limits, and the jobs this server holds",
  });
  app.get("/api/jobs", (c) =>
    c.json({
      kinds: jobs.kindList(),
      limits: jobs.limits,
      jobs: jobs.list().map(({ result: _r, ...j }) => j),
    }),
  );

  describe(app, {
    method: "post",
    path: "/api/compute/jobs",
    tag: "jobs",
    summary: "Start a long computation as a job; answers 202 with the job (poll /api/jobs/{id})",
    body: JobRequest,
    responses: {
      "202": "the job was created",
      "404": "no such job kind",
      "503": "too many jobs running",
    },
  });
  app.post("/api/compute/jobs", async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new HttpError(400, 'body: expected JSON {"kind": "...", "params": {...}}');
    }
    const r = JobRequest.safeParse(body);
    if (!r.success)
      throw new HttpError(
        400,
        r.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "),
      );
    const job = jobs.create(r.data.kind, r.data.params);
    return c.json(job, 202, { Location: `/api/jobs/${job.id}` });
  });

  describe(app, {
    method: "get",
    path: "/api/jobs/:id",
    tag: "jobs",
    summary: "A job's status, progress (0–1), message and, when done, its result",
    responses: { "404": "no such job (finished jobs are kept for a while, then dropped)" },
  });
  app.get("/api/jobs/:id", (c) => {
    const id = c.req.param("id");
    if (!jobId.safeParse(id).success) throw new HttpError(400, `id: "${id}" is not a job id`);
    const job = jobs.get(id);
    if (!job) throw new HttpError(404, `no job ${id}`);
    return c.json(job);
  });

  describe(app, {
    method: "post",
    path: "/api/compute/jobs/:id/cancel",
    tag: "jobs",
    summary: "Cancel a running job",
    responses: { "404": "no such job" },
  });
  app.post("/api/compute/jobs/:id/cancel", (c) => {
    const id = c.req.param("id");
    if (!jobId.safeParse(id).success) throw new HttpError(400, `id: "${id}" is not a job id`);
    const job = jobs.cancel(id);
    if (!job) throw new HttpError(404, `no job ${id}`);
    return c.json(job);
  });
}
