import { printTable } from "../../cli/output.ts";
import type { whatIf } from "../../simulate/whatif.ts";
import { requireScenario } from "../defaults.ts";
import { defineOperation } from "../define.ts";
import { UsageError } from "../errors.ts";
import { p } from "../params.ts";
import { readLocalFile } from "../read-local-file.ts";

export const whatif = defineOperation({
  name: "whatif",
  summary:
    "apply hypothetical events, ties, flows or project changes to a scenario and compare measures before and after",
  params: {
    focal: p.code("the state whose measures are compared (e.g. AZE)"),
    apply: p
      .string("YAML list `changes:` of {op: add|remove|update, table, row|where|set}", {
        arg: "<changes.yaml>",
      })
      .local()
      .optional("—: give a file, or the YAML text as changes"),
    changes: p
      .string("the change set as YAML text (instead of a file)", { max: 200_000, arg: "<yaml>" })
      .optional(),
    scenario: p.scenario("scenario id or folder (default: azerbaijan)").optional(),
    all: p.flag("human table: show unchanged measures too").local(),
  },
  positionals: ["focal"],
  http: {
    method: "post",
    path: "/api/compute/whatif",
    tag: "simulate",
    responses: { "422": "invalid changes (problems by line and field)" },
  },
  job: { kind: "whatif", maxSeconds: 60 },
  async run(ctx, q, progress): Promise<ReturnType<typeof whatIf>> {
    const { whatIf } = await import("../../simulate/whatif.ts");
    const s = requireScenario(ctx, q.scenario).scenario;
    if (!s.actors.some((a) => a.id === q.focal))
      throw new UsageError(`{focal}: ${q.focal} is not an actor of scenario ${s.meta.id}`);
    if ((q.apply === undefined) === (q.changes === undefined))
      throw new UsageError(
        "give the changes as a file ({apply}) or as text ({changes}), one of them",
      );
    const text = q.apply !== undefined ? readLocalFile(ctx, q.apply) : (q.changes as string);
    if (text.trim() === "") throw new UsageError("{changes}: empty change set");
    progress?.(0.2, "applying the changes and recomputing the measures");
    return whatIf(s, q.focal, text, q.apply ?? "changes");
  },
  print(res, q) {
    process.stdout.write(
      `${res.applied.length} change(s) applied to ${res.scenario}; measures for ${q.focal}\n\n`,
    );
    printTable(
      (q.all ? res.measures : res.changed) as unknown as Record<string, unknown>[],
      ["measure", "key", "before", "after", "delta"],
      70,
    );
  },
});
