// `ana/server`: the HTTP API and dashboard server (hono). Kept out of the root "ana" export so that
// importing a measure never loads the server.
export { createApp, MAX_BODY_BYTES } from "./app.ts";
export { HttpError, MEMO_ENTRIES, ServerContext, type ServerOptions } from "./context.ts";
export { type Job, type JobKind, JobManager, jobsFor } from "./jobs.ts";
export { openApiDocument } from "./openapi.ts";
