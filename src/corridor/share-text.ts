/**
 * How a leverage share is written (CLI, Map, report): three decimals, or two significant digits
 * below 0.01, so that a share of 0.00042 is not printed as 0; exactly 0 stays "0".
 */
export function shareText(x: number): string {
  if (x === 0) return "0";
  return Math.abs(x) < 0.01 ? x.toPrecision(2) : x.toFixed(3);
}
