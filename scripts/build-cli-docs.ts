// Write docs/cli.md from the commands' own definitions, so the reference never drifts from the
// code. Run: node --import tsx scripts/build-cli-docs.ts [--check]
import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { buildProgram } from "../src/cli/main.ts";

function section(cmd: Command, prefix: string): string[] {
  const name = `${prefix} ${cmd.name()}`.trim();
  const out: string[] = [];
  const subs = cmd.commands as Command[];
  if (prefix !== "") {
    out.push(`## \`${name} ${cmd.usage()}\``, "", cmd.description() || "", "");
    const opts = cmd.options.filter((o) => o.long !== "--help");
    if (opts.length > 0) {
      out.push("| option | meaning | default |", "|---|---|---|");
      for (const o of opts) {
        const def = o.defaultValue === undefined ? "" : `\`${String(o.defaultValue)}\``;
        out.push(
          `| \`${o.flags.replaceAll("|", "\\|")}\` | ${o.description.replaceAll("|", "\\|")} | ${def} |`,
        );
      }
      out.push("");
    }
  }
  for (const sub of subs) out.push(...section(sub, name));
  return out;
}

const program = await buildProgram();
const text = [
  "# `ana` command reference",
  "",
  "Generated from the commands' definitions by `node --import tsx scripts/build-cli-docs.ts`.",
  "Every command prints a human table by default and JSON with `--json`; exit codes are 0 (ok),",
  "1 (error: bad data, failed computation) and 2 (bad usage).",
  "",
  ...section(program, ""),
].join("\n");
const path = new URL("../docs/cli.md", import.meta.url);
if (process.argv.includes("--check")) {
  if (readFileSync(path, "utf8") !== `${text}\n`) {
    console.error("docs/cli.md is out of date: run `node --import tsx scripts/build-cli-docs.ts`");
    process.exit(1);
  }
} else writeFileSync(path, `${text}\n`);
