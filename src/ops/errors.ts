/**
 * Errors an operation throws, mapped by each surface: the CLI exits 2 on a `UsageError` and 1 on
 * an `OpError`; the HTTP API answers 400 for a `UsageError` and `OpError.status` otherwise; the
 * library lets both through.
 *
 * A message may name parameters as `{name}` (e.g. `"{from} 2015 is after {to} 2011"`): the CLI
 * shows them as `--from`/`--to`, the API and the library as `from`/`to`.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** An operation's failure that is not bad usage: data missing (404/503), invalid (422), etc. */
export class OpError extends Error {
  constructor(
    readonly status: 404 | 409 | 413 | 422 | 500 | 503,
    message: string,
  ) {
    super(message);
    this.name = "OpError";
  }
}

/** `{name}` placeholders in a message, rendered for one surface. */
export function renderParamNames(message: string, surface: "cli" | "api"): string {
  return message.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_, name: string) =>
    surface === "cli" ? `--${kebab(name)}` : name,
  );
}

/** `pillarWeights` → `pillar-weights`. */
export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
