/**
 * Baselines every forecast is shown beside: the capability×salience weighted mean (the "compromise
 * model", Achen 2006) and the capability×salience weighted median (Black's median voter with
 * weights), per dimension, on the input's scale.
 */
export interface WeightedActor {
  capability: number;
  position: number[];
  salience: number[];
}

export function weightedMean(actors: WeightedActor[], d: number): number {
  let num = 0;
  let den = 0;
  for (const a of actors) {
    const w = a.capability * a.salience[d];
    num += w * a.position[d];
    den += w;
  }
  return den > 0 ? num / den : Number.NaN;
}

/**
 * Weighted median: the smallest position at which the cumulative weight reaches half the total; when
 * it reaches exactly half, the midpoint between that position and the next.
 */
export function weightedMedian(actors: WeightedActor[], d: number): number {
  const pts = actors
    .map((a) => ({ x: a.position[d], w: a.capability * a.salience[d] }))
    .filter((p) => p.w > 0)
    .sort((a, b) => a.x - b.x);
  const total = pts.reduce((s, p) => s + p.w, 0);
  if (!(total > 0)) return Number.NaN;
  let cum = 0;
  for (let i = 0; i < pts.length; i++) {
    cum += pts[i].w;
    if (Math.abs(cum - total / 2) <= 1e-12 * total && i + 1 < pts.length)
      return (pts[i].x + pts[i + 1].x) / 2;
    if (cum >= total / 2) return pts[i].x;
  }
  return pts[pts.length - 1].x;
}

export function baselines(
  actors: WeightedActor[],
  numDims: number,
): { weightedMean: number[]; weightedMedian: number[] } {
  const dims = Array.from({ length: numDims }, (_, d) => d);
  return {
    weightedMean: dims.map((d) => weightedMean(actors, d)),
    weightedMedian: dims.map((d) => weightedMedian(actors, d)),
  };
}
