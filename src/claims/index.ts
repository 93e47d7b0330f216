export { type ClaimsReport, checkClaims, claimsReport } from "./engine.ts";
export { claimsMarkdown } from "./markdown.ts";
export { type PeerBaseline, type PeerValue, peerBaseline } from "./peer-baseline.ts";
export { CLAIMS_FILE, ClaimSpec, ClaimsFile, loadClaims, parseClaims } from "./schema.ts";
export type { ClaimCheck, Verdict } from "./types.ts";
export { VERDICTS } from "./verdict.ts";
