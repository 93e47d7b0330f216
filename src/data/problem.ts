/** A validation problem: where it is and what to do about it. */
export interface Problem {
  file: string;
  /** 1-based line; 0 when the problem concerns the whole file. */
  line: number;
  field: string;
  message: string;
}

/** `file:line: field: problem`, the form `ana data check` prints. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.field}: ${p.message}`;
}

/** Thrown when input is rejected; carries every problem found, not only the first. */
export class ValidationError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? "" : "s"}:\n` +
        problems.slice(0, 50).map(formatProblem).join("\n") +
        (problems.length > 50 ? `\n… and ${problems.length - 50} more` : ""),
    );
    this.name = "ValidationError";
  }
}
