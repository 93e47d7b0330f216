/** Marks the start-up warm-up's own requests, so visitors' requests go first (src/server/warm-up.ts). */
export const WARMUP_HEADER = "x-ana-warmup";
