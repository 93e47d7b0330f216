// The `ana/server` entry point. Server: the HTTP API and dashboard app (loads hono).
// Minimal placeholder (build branch): the same exports as src/index.ts has for this domain.
export { createApp } from "./app.ts";
