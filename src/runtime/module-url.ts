/**
 * Where a sibling TypeScript module really is at run time. Source files name their siblings as
 * `.ts` (`new URL("./worker.ts", import.meta.url)`); in the compiled dist/ (scripts/build.js) the
 * same module is `.js`. Only literal import specifiers are rewritten by the compiler, so URLs built
 * by hand (worker entries, modules imported when present) go through this function.
 */
export const COMPILED = import.meta.url.endsWith(".js");

export function moduleUrl(url: URL): URL {
  return COMPILED && url.pathname.endsWith(".ts") ? new URL(url.href.replace(/\.ts$/, ".js")) : url;
}
