/** A problem in an imported panel file, located as `file:line: field: message`. */
export class PanelImportError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${file}:${line}: ${field}: ${detail}`);
    this.name = "PanelImportError";
  }
}
