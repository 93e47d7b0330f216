import type { Command } from "commander";
import { printJson, printTable } from "../output.ts";
import { UsageError } from "../usage-error.ts";

// Thin command over `importPanelFile` (src/data/panel/panel-import.ts): params in, JSON out.
export function register(program: Command): void {
  const panel = program
    .command("panel")
    .description(
      "the user's reference panel: tables imported from your own downloads override the shipped ones",
    );
  panel
    .command("status")
    .description(
      "the user panel in use: its directory, the tables it overrides and the imports that made them",
    )
    .option(
      "--panel <dir>",
      "user panel directory (default $ANA_PANEL_DIR or <user data dir>/ana/panel)",
    )
    .option("--json", "print JSON")
    .action(async (opts: { panel?: string; json?: boolean }) => {
      const { userPanelStatus, userPanelRoot } = await import("../../data/panel/user-panel.ts");
      const st = userPanelStatus(opts.panel ?? userPanelRoot());
      if (opts.json) printJson(st);
      else if (!st.generation)
        process.stdout.write(`no user panel at ${st.root}: the shipped tables are used\n`);
      else {
        process.stdout.write(`user panel ${st.generation} overrides: ${st.tables.join(", ")}\n`);
        printTable(
          st.imports.map((i) => ({ kind: i.kind, file: i.file, importedAt: i.importedAt })),
          ["kind", "importedAt", "file"],
          80,
        );
      }
    });
  panel
    .command("import <kind> <file>")
    .description(
      "import a SIPRI download (kind sipri: trade register or TIV table) or Voeten's UNGA vote file (kind unvotes) into the user panel (atomic; bad input names file:line: field)",
    )
    .option(
      "--panel <dir>",
      "user panel directory (default $ANA_PANEL_DIR or <user data dir>/ana/panel)",
    )
    .option(
      "--complete-for <ISO3,...>",
      "sipri: recipients whose every delivery in the file's years is listed (their years without rows are zeros)",
    )
    .option("--recipient <name>", "sipri, wide TIV table without a title: the one recipient")
    .option("--supplier <name>", "sipri, wide TIV table without a title: the one supplier")
    .option("--json", "print JSON")
    .action(
      async (kind: string, file: string, opts: Record<string, string | boolean | undefined>) => {
        if (kind !== "sipri" && kind !== "unvotes")
          throw new UsageError(`kind must be sipri or unvotes, not "${kind}"`);
        const { importPanelFile } = await import("../../data/panel/panel-import.ts");
        // Imported here, not at start-up: ../context.ts loads the store and scenario reading.
        const { codesOption } = await import("../context.ts");
        const result = await importPanelFile(kind, file, {
          panelDir: opts.panel as string | undefined,
          completeFor: codesOption(opts.completeFor as string | undefined) ?? [],
          recipient: opts.recipient as string | undefined,
          supplier: opts.supplier as string | undefined,
        });
        if (opts.json) printJson(result);
        else {
          printTable(
            Object.entries(result.tables).map(([table, rows]) => ({ table: `ref_${table}`, rows })),
            ["table", "rows"],
          );
          process.stdout.write(
            `imported ${result.file} into ${result.generation} (${JSON.stringify(result.summary)})\nthe panel now reads these tables from ${result.panelDir}; set ANA_PANEL_DIR=${result.panelDir} if that is not the default\n`,
          );
        }
      },
    );
}
