/** Types for worker-count.mjs (plain JavaScript: `npm start` runs it without a compiler). */
export declare function workerCount(env?: Record<string, string | undefined>, cores?: number): number;
