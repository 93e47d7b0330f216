import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Command, CommanderError } from "commander";
import { ValidationError } from "../data/problem.ts";
import { addOperationCommands } from "../ops/cli.ts";
import { GROUPS, OPERATIONS } from "../ops/registry.ts";
import { UsageError } from "./usage-error.ts";

/**
 * The `ana` command line. Operations (`src/ops/registry.ts`) become commands; local-only commands
 * (import, serve, data check, ...) are files in `./commands/` exporting `register(program)`,
 * discovered here. Both import their heavy modules lazily so that start-up stays quick.
 * Exit codes: 0 ok, 1 error, 2 bad usage.
 */
export async function buildProgram(): Promise<Command> {
  const program = new Command("ana")
    .description("Active Non-Alignment: model, measure and simulate multivector foreign policy")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  addOperationCommands(program, OPERATIONS, GROUPS);
  const dir = fileURLToPath(new URL("./commands/", import.meta.url));
  for (const f of readdirSync(dir).sort()) {
    // .ts in a checkout run through tsx, .js in the compiled dist/
    if (!/\.[jt]s$/.test(f) || f.endsWith(".d.ts")) continue;
    const mod = (await import(new URL(`./commands/${f}`, import.meta.url).href)) as {
      register?: (p: Command) => void;
    };
    mod.register?.(program);
  }
  // Help lists commands (and subcommands) alphabetically, whichever way they were added.
  (function sort(c: Command) {
    (c.commands as Command[]).sort((a, b) => a.name().localeCompare(b.name()));
    c.commands.forEach(sort);
  })(program);
  program.commands.forEach(function override(c: Command) {
    c.exitOverride();
    c.commands.forEach(override);
  });
  return program;
}

export async function main(argv: string[] = process.argv): Promise<number> {
  const program = await buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`ana: ${e.message}\n(run with --help for usage)\n`);
      return 2;
    }
    if (e instanceof ValidationError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    process.stderr.write(`ana: ${(e as Error).message}\n`);
    if (process.env.ANA_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 1;
  }
}

if (process.argv[1] && /bin\/ana(\.js)?$|cli\/main\.ts$/.test(process.argv[1])) {
  // `ana events | head`: a reader that closes the pipe early is not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  const code = await main();
  // `serve` keeps running; every other command ends here. A command may already have set
  // process.exitCode (e.g. `data check` sets 1 when it finds problems): never reset it to 0.
  if (code !== 0) process.exitCode = code;
}
