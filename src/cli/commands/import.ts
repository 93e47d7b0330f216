import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { printJson, printTable } from "../output.ts";
import { UsageError } from "../usage-error.ts";

const collect = (v: string, prev: string[]) => [...prev, v];

export function register(program: Command): void {
  program
    .command("import")
    .description(
      "import coded event data (GDELT 1.0/2.0, ICEWS, PLOVER/POLECAT, mapped CSV; plain or gzip) into the store",
    )
    .argument("<format>", "gdelt | icews | plover | csv")
    .argument("<files...>", "files to import (many per call; .gz read directly)")
    .option("--db <path>", "store file (default: the user data directory)")
    .option(
      "--store <url|file>",
      "ClickHouse instead of the DuckDB file: clickhouse://host:port[,host:port...]?cluster=NAME or a JSON config (docs/scale.md)",
    )
    .option(
      "--dedup <mode>",
      "none | exact | daily: which duplicates queries drop (rows are kept)",
      "exact",
    )
    .option("--strict", "fail on any bad row; nothing is imported")
    .option("--goldstein <table>", "gdelt | icews (default: the source's own table)")
    .option(
      "--quad-scheme <scheme>",
      "gdelt | icews | phoenix: quad class from the CAMEO root",
      "gdelt",
    )
    .option("--map <file>", "csv: JSON column mapping (see docs/event-formats.md)")
    .option("--preset <name>", "csv: a built-in mapping (gdelt-csv: GDELT columns with a header)")
    .option(
      "--col <key=column>",
      "csv: map one field, e.g. --col date=SQLDATE (repeatable)",
      collect,
      [],
    )
    .option("--delimiter <char>", "csv: field delimiter (default ,; \\t for tab)")
    .option("--actor-scheme <scheme>", "csv: cameo | iso3 | name | fips codes in the actor columns")
    .option("--json", "print the summary as JSON")
    .action(async (format: string, files: string[], opts: Record<string, unknown>) => {
      const { IMPORT_FORMATS, importEvents, StrictImportError, RejectedFileError } = await import(
        "../../ingest/import-events.ts"
      );
      const { DEDUP_MODES } = await import("../../ingest/dedup.ts");
      const { QUAD_SCHEMES } = await import("../../ingest/quad-schemes.ts");
      const { GOLDSTEIN_TABLE_IDS } = await import("../../ingest/event-tables.ts");
      const { withEventBackend } = await import("../../store/event-backend.ts");
      const { resolveCsvMapping } = await import("../../ingest/csv-mapping-options.ts");
      const { existsSync } = await import("node:fs");
      if (!IMPORT_FORMATS.includes(format as never))
        throw new UsageError(`format must be one of ${IMPORT_FORMATS.join(", ")}, not "${format}"`);
      if (!DEDUP_MODES.includes(opts.dedup as never))
        throw new UsageError(`--dedup must be one of ${DEDUP_MODES.join(", ")}`);
      if (!QUAD_SCHEMES.includes(opts.quadScheme as never))
        throw new UsageError(`--quad-scheme must be one of ${QUAD_SCHEMES.join(", ")}`);
      if (opts.goldstein && !GOLDSTEIN_TABLE_IDS.includes(opts.goldstein as never))
        throw new UsageError(`--goldstein must be one of ${GOLDSTEIN_TABLE_IDS.join(", ")}`);
      for (const f of files) if (!existsSync(f)) throw new UsageError(`no such file: ${f}`);
      let mapping: ReturnType<typeof resolveCsvMapping> | undefined;
      try {
        mapping =
          format === "csv"
            ? resolveCsvMapping({
                mapFile: opts.map as string | undefined,
                mapText: opts.map ? readFileSync(opts.map as string, "utf8") : undefined,
                preset: opts.preset as string | undefined,
                cols: opts.col as string[],
                delimiter: opts.delimiter as string | undefined,
                actorScheme: opts.actorScheme as string | undefined,
              })
            : undefined;
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      const progress = process.stderr.isTTY ? await makeProgress(files.length) : undefined;
      if (opts.db !== undefined && opts.store !== undefined)
        throw new UsageError(
          "--db (DuckDB file) and --store (ClickHouse) name different stores: give one",
        );
      const target = { db: opts.db as string | undefined, store: opts.store as string | undefined };
      // Interrupts are the CLI's business (library code installs no handlers): Ctrl-C or kill drops
      // the DuckDB import's staging files and stops; its open transaction is discarded, so the
      // store is as it was.
      const { removeStagingFiles } = await import("../../store/duckdb/sink.ts");
      const onSignal = (sig: NodeJS.Signals) => {
        removeStagingFiles();
        process.stderr.write(`\nana: import interrupted (${sig}): nothing was imported\n`);
        process.exit(130);
      };
      if (target.store === undefined) {
        process.on("SIGINT", onSignal);
        process.on("SIGTERM", onSignal);
        process.on("exit", removeStagingFiles);
      }
      await withEventBackend({ ...target, access: "write" }, async (store) => {
        if (store.kind === "duckdb" && process.stderr.isTTY)
          process.stderr.write(
            `ana import: writing ${(store as { store?: { path: string } }).store?.path} (holding its lock until the import ends)\n`,
          );
        const sink = store.sink();
        let summary: Awaited<ReturnType<typeof importEvents>>;
        try {
          summary = await importEvents(sink, {
            format: format as "gdelt",
            files,
            goldsteinTable: opts.goldstein as "gdelt" | undefined,
            quadScheme: opts.quadScheme as "gdelt",
            dedup: opts.dedup as "exact",
            strict: !!opts.strict,
            mapping,
            onProgress: progress?.update,
          });
        } catch (e) {
          progress?.stop();
          if (e instanceof StrictImportError && opts.json)
            printJson({ error: e.message, file: e.summary });
          if (e instanceof RejectedFileError && opts.json)
            printJson({ error: e.message, files: e.files });
          throw e;
        }
        progress?.stop();
        const duplicates = await store.countDuplicates(summary.dedup);
        if (opts.json) {
          printJson({ ...summary, duplicatesInStore: duplicates });
          return;
        }
        printTable(
          summary.files.map((f) => ({
            file: f.path,
            status: f.status,
            read: f.rowsRead,
            imported: f.rowsImported,
            rejected: f.rowsRejected,
          })),
        );
        const skipped = summary.files.filter((f) => f.status !== "imported").length;
        process.stdout.write(
          `\n${summary.rowsImported} of ${summary.rowsRead} rows imported in ${summary.seconds} s (${summary.rowsPerSecond} rows/s); ${summary.rowsRejected} rejected${skipped > 0 ? `; ${skipped} file(s) skipped (not counted)` : ""}\n`,
        );
        for (const f of summary.files) {
          for (const [k, v] of Object.entries(f.rejects))
            process.stdout.write(`  ${f.path}: ${k}: ${v}\n`);
          for (const b of f.firstBadLines)
            process.stdout.write(`  ${f.path}:${b.line}: ${b.reason}: ${b.detail}\n`);
          for (const [k, v] of Object.entries(f.warnings))
            process.stdout.write(`  ${f.path}: warning ${k}: ${v}\n`);
          if (f.status === "already-imported")
            process.stdout.write(
              `  ${f.path}: already imported${f.previous?.format ? ` as ${f.previous.format}` : ""} (same sha256 as ${f.previous?.path}, import #${f.previous?.importId}): skipped\n`,
            );
          if (f.status === "empty") process.stdout.write(`  ${f.path}: empty: nothing to import\n`);
        }
        process.stdout.write(
          `dedup ${summary.dedup}: ${duplicates} duplicate row(s) in the store are left out of queries (rows kept)\n`,
        );
      });
    });
}

async function makeProgress(nFiles: number) {
  const { SingleBar } = await import("cli-progress");
  const bar = new SingleBar({
    format: "{file} |{bar}| {percentage}% {mb}/{totalMb} MB | {rows} rows | {rate} rows/s",
    hideCursor: true,
    stream: process.stderr,
    etaBuffer: 50,
  });
  let started = false;
  const t0 = performance.now();
  let current = -1;
  return {
    update: (p: {
      file: string;
      fileIndex: number;
      bytesRead: number;
      bytesTotal: number;
      rows: number;
    }) => {
      const payload = {
        file: `[${p.fileIndex + 1}/${nFiles}] ${p.file.split("/").pop()}`,
        mb: (p.bytesRead / 1e6).toFixed(1),
        totalMb: (p.bytesTotal / 1e6).toFixed(1),
        rows: p.rows,
        rate: Math.round(p.rows / Math.max(1e-3, (performance.now() - t0) / 1000)),
      };
      if (!started) {
        bar.start(p.bytesTotal, p.bytesRead, payload);
        started = true;
      } else if (p.fileIndex !== current) bar.setTotal(p.bytesTotal);
      current = p.fileIndex;
      bar.update(p.bytesRead, payload);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
