// Worker thread that runs HiGHS (synchronous WASM) off the main event loop; started by
// solve-mip.ts. Plain JavaScript on purpose: loading tsx in a worker takes seconds on a busy
// machine (measured 3.7 s against 1.0 s), and this file needs no TypeScript. Request and response
// shapes are MipRequest / MipResponse in solve-mip.ts. One request at a time; the runtime is
// loaded once and reused.
import { parentPort } from "node:worker_threads";
import highsLoader from "highs";

const highs = await highsLoader();
const STATUS = highs.constants.modelStatus;

parentPort.on("message", (req) => {
  const t0 = performance.now();
  try {
    const m = req.model;
    const data = {
      numCols: m.colCost.length,
      numRows: m.rowLower.length,
      colCost: m.colCost,
      colLower: m.colLower,
      colUpper: m.colUpper,
      rowLower: m.rowLower.map((x) => (Number.isFinite(x) ? x : -highs.infinity)),
      rowUpper: m.rowUpper.map((x) => (Number.isFinite(x) ? x : highs.infinity)),
      matrix: {
        format: "csr",
        numRows: m.rowLower.length,
        numCols: m.colCost.length,
        starts: m.rowStart,
        indices: m.rowIndex,
        values: m.rowValue,
      },
      integrality: m.integrality,
    };
    const res = highs.withModel(data, (model) => {
      model.options.set({
        output_flag: false,
        time_limit: Math.max(0.01, req.timeLimit),
        mip_rel_gap: req.relGap,
        mip_abs_gap: req.absGap,
      });
      if (req.start) model.setSolution({ colValue: req.start });
      model.run();
      const status = model.getModelStatus();
      const feasible = Number(model.info.get("primal_solution_status")) === 2;
      const bound = Number(model.info.get("mip_dual_bound"));
      return {
        id: req.id,
        status:
          status === STATUS.optimal
            ? "optimal"
            : status === STATUS.timeLimit
              ? "time-limit"
              : `status-${status}`,
        objective: feasible ? model.getObjectiveValue() : undefined,
        bound: Number.isFinite(bound) ? bound : undefined,
        solution: feasible ? Array.from(model.getSolution().colValue) : undefined,
        seconds: (performance.now() - t0) / 1000,
      };
    });
    parentPort.postMessage(res);
  } catch (e) {
    parentPort.postMessage({
      id: req.id,
      status: "error",
      error: e instanceof Error ? e.message : String(e),
      seconds: (performance.now() - t0) / 1000,
    });
  }
});
parentPort.postMessage({ ready: true });
