/** Types of scripts/build-stamp.js (plain JS: bin/ana.js loads it without tsx). */
export declare const BUILD_INPUTS: string[];
export declare const STAMP_FILE: string;
export declare function sourceState(root: string): Record<string, [number, number]>;
export declare function distIsFresh(root: string): boolean;
