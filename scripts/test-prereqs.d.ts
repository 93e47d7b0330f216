// Types for scripts/test-prereqs.js (plain JS: run-tests.js runs before any TypeScript loader).
export type Tool = "chromium" | "clickhouse-server";
export const PACKAGES: Record<Tool, { packages: string[]; flags: string[] }>;
export function onPath(name: string, env?: NodeJS.ProcessEnv): boolean;
export function toolsNeeded(files: string[], read?: (f: string) => string): Tool[];
export function missingTools(
  needed: Tool[],
  env?: NodeJS.ProcessEnv,
  has?: (name: string) => boolean,
): Tool[];
export function installCommands(missing: Tool[]): string[][];
export function plan(
  missing: Tool[],
  machine: { root: boolean; apt: boolean },
):
  | { action: "none" }
  | { action: "install"; commands: string[][] }
  | { action: "stop"; message: string };
