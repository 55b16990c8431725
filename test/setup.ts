import fc from "fast-check";

// rule (DEVELOPERS.md): every property runs at least 1,000 times; fast-check
// prints the seed and the path of a failure so it can be replayed.
fc.configureGlobal({ numRuns: Math.max(1000, Number(process.env.FC_NUM_RUNS ?? 1000)) });
