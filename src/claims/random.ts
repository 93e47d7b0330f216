import { quantileSorted } from "../measure/bootstrap.ts";
import { mulberry32 } from "../network/random.ts";

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same draws. */
export const seededRandom: (seed: number) => () => number = mulberry32;

/** A standard normal draw (Box–Muller) from a uniform generator. */
export function normalDraw(rand: () => number): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** The q-quantile (0–1) of a sample, linear interpolation between order statistics (R type 7). */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) throw new Error("quantile of an empty sample");
  return quantileSorted(
    [...xs].sort((a, b) => a - b),
    q,
  );
}

/** The central `level` interval of a sample of draws. */
export function centralInterval(xs: readonly number[], level: number): [number, number] {
  return [quantile(xs, (1 - level) / 2), quantile(xs, 1 - (1 - level) / 2)];
}

/** n items drawn with replacement. */
export function sampleWith<T>(xs: readonly T[], n: number, rand: () => number): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(xs[Math.floor(rand() * xs.length)]);
  return out;
}
