import type { PartnerAccessRepository, RepositoryTransaction } from "../../src/ports/repository.js";

type Method = (...args: unknown[]) => Promise<unknown>;

/** A replacement for a method of the transaction's view: gets the real one and the arguments. */
export type Override = (real: Method, ...args: unknown[]) => Promise<unknown>;

/**
 * The repository with some methods of its transaction view replaced, and
 * every call inside a transaction recorded as `name` in `calls`.
 */
export function overriding(
  repository: PartnerAccessRepository,
  overrides: Partial<Record<keyof RepositoryTransaction, Override>>,
  calls: string[] = [],
): PartnerAccessRepository {
  const view = (tx: RepositoryTransaction): RepositoryTransaction =>
    new Proxy(tx, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof key !== "string" || typeof value !== "function") return value;
        const real = (...args: unknown[]) => (value as Method).apply(target, args);
        const override = overrides[key as keyof RepositoryTransaction];
        return (...args: unknown[]) => {
          calls.push(key);
          return override === undefined ? real(...args) : override(real, ...args);
        };
      },
    });
  return {
    ...repository,
    transaction: <T>(fn: (tx: RepositoryTransaction) => Promise<T>) =>
      repository.transaction((tx) => fn(view(tx))),
  };
}
