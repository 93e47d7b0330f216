// A loading state that says what the view waits for and for how long, so that no area stays blank.
// The elapsed-time counter stops when the content arrives or the page is left (signal).
import { h } from "../ui.ts";

export interface PendingOptions {
  /** Stops the counter when the page is left. */
  signal?: AbortSignal;
  /** Tick interval of the elapsed-time counter, in ms. */
  tick?: number;
}

const defaults = { tick: 500 };

/** A status block "Computing the scorecard… 3 s" with an indeterminate progress bar. */
export function waiting(
  what: string,
  options: PendingOptions = {},
): { el: HTMLElement; stop(): void } {
  const o = { ...defaults, ...options };
  const t0 = performance.now();
  const text = h("span", { class: "pending-text" }, `${what}…`);
  const el = h(
    "div",
    { class: "pending", role: "status", "aria-live": "polite", "aria-busy": "true" },
    h("progress", { "aria-label": what }),
    " ",
    text,
  );
  const timer = setInterval(() => {
    const s = (performance.now() - t0) / 1000;
    text.textContent = `${what}… ${s.toFixed(0)} s`;
  }, o.tick);
  const stop = () => {
    clearInterval(timer);
    el.removeAttribute("aria-busy");
  };
  o.signal?.addEventListener("abort", stop, { once: true });
  return { el, stop };
}

/**
 * A placeholder that shows `waiting(what)` until `work` resolves, then its result. Resolves once
 * the content is in place (or the page was left).
 */
export function pendingBlock(
  what: string,
  work: () => Promise<Node>,
  options: PendingOptions = {},
): { el: HTMLElement; done: Promise<void> } {
  const w = waiting(what, options);
  const el = h("div", { class: "pending-block" }, w.el);
  const done = work()
    .then((node) => {
      if (!options.signal?.aborted) el.replaceChildren(node);
    })
    .catch((e: Error) => {
      if (!options.signal?.aborted)
        el.replaceChildren(
          h("div", { class: "notice error", role: "alert" }, `${what} failed: ${e.message}`),
        );
    })
    .finally(() => w.stop());
  return { el, done };
}
