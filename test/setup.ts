import fc from "fast-check";

// rule: every property runs at least 1,000 times in `npm test`; fast-check
// prints the seed and the path of a failure so it can be replayed.
// Mutation testing (vitest.mutation.config.ts) runs each property fewer
// times: the suite runs once per mutant, and a mutant that a property kills
// in fewer runs it kills in more, so the score measured is a lower bound.
const mutationRuns = Number(process.env.MUTATION_NUM_RUNS);
fc.configureGlobal({
  numRuns:
    mutationRuns > 0 ? mutationRuns : Math.max(1000, Number(process.env.FC_NUM_RUNS ?? 1000)),
});
