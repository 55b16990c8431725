// partner-access/testing: tools for testing code that uses partner-access.
export type { ArbitraryOptions, Scenario, ScenarioOptions } from "./arbitraries.js";
export { arbitraries } from "./arbitraries.js";
export type {
  RepositoryContractCase,
  RepositoryContractOptions,
} from "./contract.js";
export { RepositoryContractViolation, repositoryContract } from "./contract.js";
export type {
  InMemoryRepository,
  InMemoryRepositoryOptions,
  InMemoryRepositoryState,
} from "./in-memory-repository.js";
export { createInMemoryRepository } from "./in-memory-repository.js";
