import type { Command } from "commander";
import { printJson } from "../cli/output.ts";
import type { Operation } from "./define.ts";
import { kebab, OpError, renderParamNames, UsageError } from "./errors.ts";
import type { LocalContext } from "./local-context.ts";
import type { AnyParam } from "./params.ts";
import { parseParams } from "./parse.ts";
import { loadZod } from "./zod.ts";

/** Descriptions of command groups whose subcommands are operations. */
export type GroupDescriptions = Record<string, string>;

const argName = (param: AnyParam) => param.spec.arg.replace(/^<|>$/g, "");

/** A message naming parameters as `{name}`, rendered for the command line. */
function renderForCli(op: Operation, message: string): string {
  const positionals = new Set<string>(op.positionals ?? []);
  return renderParamNames(
    message.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) =>
      positionals.has(name) && op.params[name] ? `<${argName(op.params[name])}>` : whole,
    ),
    "cli",
  );
}

function defaultText(param: AnyParam): string | undefined {
  const d = param.spec.default;
  if (d === undefined || param.spec.kind === "flag") return undefined;
  return Array.isArray(d) ? d.join(",") : String(d);
}

/**
 * Add an operation to the command line: positionals as arguments, every other parameter as a
 * `--kebab-case` option, plus `--db`/`--store` when it reads the store and `--json`. The action
 * validates with the operation's schema (bad usage → `UsageError`, exit 2), runs it on a local
 * context, and prints `--json` (exactly what `run` returned) or the human form.
 */
export function addOperationCommand(
  program: Command,
  op: Operation,
  groups: GroupDescriptions = {},
): Command {
  const words = op.name.split(" ");
  let parent = program;
  for (const [i, w] of words.slice(0, -1).entries()) {
    const existing = parent.commands.find((c) => c.name() === w);
    parent =
      existing ?? parent.command(w).description(groups[words.slice(0, i + 1).join(" ")] ?? w);
    // A command that is also a group (`atlas`, `atlas compare`): its own options only before the
    // subcommand, so `ana atlas compare AZE --from 2015` gives --from to the subcommand (commander
    // needs positional options on the root and on the parent).
    if (existing) {
      program.enablePositionalOptions();
      existing.enablePositionalOptions();
    }
  }
  const positionals = op.positionals ?? [];
  const usage = positionals
    .map((k) => {
      const prm = op.params[k];
      return prm.spec.required ? `<${argName(prm)}>` : `[${argName(prm)}]`;
    })
    .join(" ");
  const cmd = parent.command(`${words.at(-1)}${usage ? ` ${usage}` : ""}`).description(op.summary);
  for (const [key, prm] of Object.entries(op.params)) {
    if (positionals.includes(key)) continue;
    const s = prm.spec;
    const flags = s.kind === "flag" ? `--${kebab(key)}` : `--${kebab(key)} ${s.arg}`;
    const help = s.defaultNote ? `${s.help} (default: ${s.defaultNote})` : s.help;
    if (s.required && s.cliDefault !== undefined) cmd.option(flags, help, s.cliDefault);
    else if (s.required) cmd.requiredOption(flags, help);
    else cmd.option(flags, help, defaultText(prm));
  }
  if (typeof op.uses?.db === "string")
    cmd.option(
      "--db <path>",
      "store file; the panel is read from data/reference/ and needs none",
      op.uses.db,
    );
  else if (op.uses?.db) cmd.option("--db <path>", "store file");
  if (op.uses?.eventStore)
    cmd.option(
      "--store <url|file>",
      "imported events from ClickHouse instead: clickhouse://host:port[,host:port...]?cluster=NAME (docs/scale.md)",
    );
  cmd.option("--json", "print JSON");
  cmd.action(async (...args: unknown[]) => {
    const c = args.at(-1) as Command;
    const opts = c.opts() as Record<string, unknown>;
    const input: Record<string, unknown> = {};
    positionals.forEach((k, i) => {
      if (args[i] !== undefined) input[k] = args[i];
    });
    for (const key of Object.keys(op.params))
      if (!positionals.includes(key) && opts[key] !== undefined) input[key] = opts[key];
    let ctx: LocalContext | undefined;
    try {
      await loadZod();
      const params = parseParams(op, input);
      // Loaded here, not at start-up: scenario reading pulls in YAML and country names.
      const { LocalContext } = await import("./local-context.ts");
      ctx = new LocalContext({
        db: opts.db as string | undefined,
        store: opts.store as string | undefined,
      });
      const result = await op.run(ctx, params as never);
      if (opts.json || !op.print) printJson(result);
      else op.print(result, params as never);
      const code = op.exitCode?.(result) ?? 0;
      if (code !== 0) process.exitCode = code;
    } catch (e) {
      if (e instanceof UsageError) throw new UsageError(renderForCli(op, e.message));
      if (e instanceof OpError) throw new Error(renderForCli(op, e.message));
      throw e;
    } finally {
      await ctx?.close();
    }
  });
  return cmd;
}

/** Add every operation, then keep the command list in alphabetical order. */
export function addOperationCommands(
  program: Command,
  ops: readonly Operation[],
  groups: GroupDescriptions = {},
): void {
  for (const op of ops) addOperationCommand(program, op, groups);
}
