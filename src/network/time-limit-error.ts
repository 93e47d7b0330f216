/** Thrown when a computation that cannot return a partial answer runs out of its time limit. */
export class TimeLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TimeLimitError";
  }
}
