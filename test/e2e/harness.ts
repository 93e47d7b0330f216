import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

const ROOT = new URL("../../", import.meta.url).pathname;

/** Build the dashboard if its sources are newer than web/dist (as `npm start` does). */
export function buildWeb(): void {
  const r = spawnSync(process.execPath, [join(ROOT, "scripts/build-web.js")], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}

export interface Server {
  url: string;
  proc: ChildProcess;
  dir: string;
  stop(): Promise<void>;
}

/** `ana serve` on a free loopback port with no store file; resolves once it prints its URL (and, with `waitForWarmUp`, once its start-up warm-up is done). */
export async function startServer(
  extra: string[] = [],
  options: { waitForWarmUp?: boolean } = {},
): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), "ana-e2e-"));
  const proc = spawn(
    process.execPath,
    [
      join(ROOT, "bin/ana.js"),
      "serve",
      "--port",
      "0",
      "--host",
      "127.0.0.1",
      // No store file: the dashboard's views read the panel and the scenario (a read-only server
      // refuses a --db file that does not exist).
      "--db",
      ":memory:",
      ...extra,
    ],
    {
      cwd: ROOT,
      // Answers cached in the test's own folder, never in the user's cache (unless the caller
      // names one: bench/api-load.ts shares its cache between two starts).
      env: { ANA_CACHE_DIR: join(dir, "cache"), ...process.env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  // Never leave a server behind if the test or benchmark process ends early.
  const killChild = () => proc.kill("SIGTERM");
  process.once("exit", killChild);
  let err = "";
  proc.stderr!.on("data", (d) => {
    err += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const t = setTimeout(
      () => reject(new Error(`ana serve did not start in 60 s: ${err}`)),
      60_000,
    );
    proc.stdout!.on("data", (d) => {
      out += d;
      const m = /serving on (http:\/\/[^\s/]+)\//.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1]);
      }
    });
    proc.on("exit", (code) => {
      clearTimeout(t);
      reject(new Error(`ana serve exited with ${code}: ${err}`));
    });
  });
  // A server that dies during the tests says why (its stderr), instead of "connection refused".
  let stopping = false;
  proc.on("exit", (code, signal) => {
    if (!stopping)
      process.stderr.write(`ana serve exited (${code ?? signal}) during the tests:\n${err}\n`);
  });
  if (options.waitForWarmUp) await warmedUp(url);
  return {
    url,
    proc,
    dir,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (proc.exitCode !== null) return resolve();
        proc.once("exit", () => {
          process.removeListener("exit", killChild);
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        proc.kill("SIGTERM");
      }),
  };
}

/**
 * Wait until the server's start-up warm-up (GET /api/health → warmup.state) has finished, so that
 * browser tests check what pages draw rather than how long a loaded machine takes to compute the
 * first answers (the start-up time is measured in bench/). A server without a warm-up is ready.
 */
export async function warmedUp(url: string, timeoutMs = 180_000): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    const r = await fetch(`${url}/api/health`).catch(() => null);
    const body = r?.ok
      ? ((await r.json()) as { warmup?: { state?: string } })
      : { warmup: { state: "warming" } };
    if (body.warmup?.state !== "warming") return;
    await new Promise((res) => setTimeout(res, 250));
  }
  throw new Error(`ana serve at ${url} was still warming up after ${timeoutMs / 1000} s`);
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/** Debian's headless Chromium with a fresh profile. */
export async function launch(): Promise<{
  browser: Browser | null;
  context: BrowserContext;
  close(): Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), "ana-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 800 },
  });
  return {
    browser: context.browser(),
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Keep a browser context on this machine: loopback and data: requests pass; anything else is
 * recorded in `outside` and answered locally with a stub page (so a followed source link can be
 * checked), or aborted with `abort: true`.
 */
export async function keepLocal(
  context: BrowserContext,
  options: { outside?: string[]; abort?: boolean } = {},
): Promise<void> {
  await context.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === "127.0.0.1" || u.protocol === "data:") return route.continue();
    options.outside?.push(route.request().url());
    if (options.abort) return route.abort();
    return route.fulfill({
      status: 200,
      contentType: "text/html",
      body: "<title>external</title>",
    });
  });
}

/** A JSON answer of the server, asserting a 200. */
export async function apiJson<T>(server: Server, path: string): Promise<T> {
  const r = await fetch(server.url + path);
  assert.equal(r.status, 200, `${path}: ${r.status}`);
  return (await r.json()) as T;
}

/**
 * Open a page of the server, collect its console errors (except those matching `ignore`) and
 * page errors, and wait until it has drawn (`body[data-ready]`). `setup` runs before navigation.
 */
export async function openPage(
  context: BrowserContext,
  url: string,
  options: {
    setup?: (page: Page) => Promise<void>;
    ignore?: RegExp;
    timeoutMs?: number;
  } = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !(options.ignore?.test(m.text()) ?? false)) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  if (options.setup) await options.setup(page);
  await page.goto(url);
  await page.waitForSelector("body[data-ready]", { timeout: options.timeoutMs ?? 90_000 });
  return { page, errors };
}
