/**
 * The balance between poles behind a component's evenness: the pole the state is most engaged
 * with (`closest`, null when two poles tie for the top or when every engagement is 0) and the
 * margin over the next pole (`margin` = top − second, in the component's units). Null when any
 * pole's engagement is missing.
 */
export function poleBalance(
  engagement: Record<string, number | null>,
): { closest: string | null; margin: number } | null {
  const e = Object.entries(engagement);
  if (e.length < 2 || e.some(([, v]) => v === null)) return null;
  const sorted = (e as [string, number][]).sort((a, b) => b[1] - a[1]);
  const [top, second] = sorted;
  const margin = Math.round((top[1] - second[1]) * 1e4) / 1e4;
  return { closest: margin > 0 && top[1] > 0 ? top[0] : null, margin };
}
