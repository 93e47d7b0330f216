/** mulberry32: a small seeded PRNG for reproducible fuzzing (the library's own). */
export { mulberry32 } from "../../src/network/random.ts";
