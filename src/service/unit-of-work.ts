/**
 * How a use case keeps "all or nothing" (design 2.6): inside the
 * repository's transaction when it offers one, otherwise by undoing, in
 * reverse order, every write the use case made, when it fails. Internal: not
 * exported from the package.
 *
 * @module
 */

import type { PartnerAccessRepository } from "../ports/repository.js";
import { err, type Result } from "../result.js";
import type { RepositoryFailureError, UnexpectedError } from "./errors.js";

/** What a repository method threw, wrapped so it is told apart from our own bugs. */
class RepositoryThrew {
  constructor(readonly cause: unknown) {}
}

/** Thrown inside a transaction to roll it back when the use case refuses. */
class Refused<R> {
  constructor(readonly result: R) {}
}

/** Thrown inside a transaction when something other than the repository threw. */
class Unexpected {
  constructor(readonly cause: unknown) {}
}

/**
 * What an undo step throws when it finds the data changed by someone else
 * meanwhile (it then cannot put things back); it ends up in
 * `rollbackFailures`.
 *
 * @example
 * ```ts
 * throw new UndoConflict("acme.com was claimed by rival meanwhile");
 * ```
 */
export class UndoConflict extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UndoConflict";
  }
}

/**
 * What a use case works with: the repository (or the transaction), with
 * every throw marked as the repository's, and `undo` to register the inverse
 * of each write it makes (ignored inside a transaction).
 *
 * @example
 * ```ts
 * const r = await work.repository.claimDomain(claim);
 * if (r.status === "claimed") work.undo(async () => { await work.repository.releaseDomain(claim.domain, claim.partnerId); });
 * ```
 */
export interface Work {
  readonly repository: PartnerAccessRepository;
  undo(step: () => Promise<void>): void;
}

const METHODS = [
  "getPartner",
  "listPartners",
  "savePartner",
  "claimDomain",
  "releaseDomain",
  "getDomainClaim",
  "listDomainClaims",
  "linkEmail",
  "unlinkEmail",
  "getEmailLink",
  "listEmailLinks",
  "getUser",
  "listUsers",
  "saveUser",
  "insertAssignment",
  "getAssignment",
  "listAssignments",
  "updateAssignment",
  "deleteAssignment",
  "putClient",
  "listClients",
  "recordActivities",
  "listActivities",
] as const satisfies readonly (keyof PartnerAccessRepository)[];

// Every method, called on the caller's object: a throw, a rejection, or a
// missing method becomes a RepositoryThrew.
function guard(repository: PartnerAccessRepository): PartnerAccessRepository {
  const guarded: Record<string, unknown> = {};
  for (const name of METHODS) {
    guarded[name] = async (...args: unknown[]) => {
      try {
        const method = repository[name] as (...a: unknown[]) => Promise<unknown>;
        return await method.apply(repository, args);
      } catch (cause) {
        throw new RepositoryThrew(cause);
      }
    };
  }
  return guarded as unknown as PartnerAccessRepository;
}

/**
 * A `repository_failure` error.
 *
 * @param cause - what the repository threw
 * @param rollbackFailures - the undo steps that failed
 * @returns the error
 * @example
 * ```ts
 * repositoryFailure(new Error("connection reset")).rollbackFailures; //=> []
 * ```
 */
export function repositoryFailure(
  cause: unknown,
  rollbackFailures: readonly unknown[] = [],
): RepositoryFailureError {
  return {
    code: "repository_failure",
    message:
      rollbackFailures.length === 0
        ? "The repository failed; nothing of this change was kept. Try again."
        : "The repository failed and undoing this change failed too; check rollbackFailures.",
    cause,
    rollbackFailures,
  };
}

/**
 * An `unexpected_error`.
 *
 * @param cause - what was thrown
 * @returns the error
 * @example
 * ```ts
 * unexpectedError(new Error("clock failed")).code; //=> "unexpected_error"
 * ```
 */
export function unexpectedError(cause: unknown): UnexpectedError {
  return {
    code: "unexpected_error",
    message:
      "Something other than the repository failed (the clock, a caller-supplied list, or a bug).",
    cause,
  };
}

type Failure = RepositoryFailureError | UnexpectedError;

function failure(thrown: unknown): Failure {
  if (thrown instanceof RepositoryThrew) return repositoryFailure(thrown.cause);
  if (thrown instanceof Unexpected) return unexpectedError(thrown.cause);
  return unexpectedError(thrown);
}

/**
 * Runs a use case all or nothing. With `repository.transaction`, the body
 * runs inside it, and a refusal (an `ok: false` result) or a throw rolls it
 * back. Without, the body's registered undo steps run in reverse order when
 * it refuses or throws; if one of them fails, the result is a
 * `repository_failure` listing the failures. Never throws.
 *
 * @param repository - the caller's repository
 * @param body - the use case: reads and writes through `work.repository`
 * @returns the body's result, or the failure
 * @example
 * ```ts
 * const r = await inUnitOfWork(repository, async (work) => {
 *   const p = await work.repository.getPartner("acme");
 *   return p === null ? err({ code: "partner_not_found" }) : ok(p);
 * });
 * ```
 */
export async function inUnitOfWork<R extends Result<unknown, unknown>>(
  repository: PartnerAccessRepository,
  body: (work: Work) => Promise<R>,
): Promise<R | Result<never, Failure>> {
  let transaction: PartnerAccessRepository["transaction"];
  try {
    transaction = repository.transaction;
  } catch (cause) {
    return err(repositoryFailure(cause));
  }
  if (typeof transaction === "function") {
    try {
      const run = transaction as (fn: (tx: PartnerAccessRepository) => Promise<R>) => Promise<R>;
      return await run.call(repository, async (tx) => {
        let result: R;
        try {
          result = await body({ repository: guard(tx), undo: () => undefined });
        } catch (thrown) {
          throw thrown instanceof RepositoryThrew ? thrown : new Unexpected(thrown);
        }
        if (!result.ok) throw new Refused(result);
        return result;
      });
    } catch (thrown) {
      if (thrown instanceof Refused) return thrown.result as R;
      if (thrown instanceof Unexpected) return err(unexpectedError(thrown.cause));
      // the transaction itself failed (begin, commit): it kept nothing
      return err(repositoryFailure(thrown instanceof RepositoryThrew ? thrown.cause : thrown));
    }
  }

  const steps: (() => Promise<void>)[] = [];
  let result: R | Result<never, Failure>;
  try {
    result = await body({ repository: guard(repository), undo: (step) => steps.push(step) });
  } catch (thrown) {
    result = err(failure(thrown));
  }
  if (result.ok || steps.length === 0) return result;
  const rollbackFailures: unknown[] = [];
  for (const step of steps.reverse()) {
    try {
      await step();
    } catch (thrown) {
      rollbackFailures.push(thrown instanceof RepositoryThrew ? thrown.cause : thrown);
    }
  }
  if (rollbackFailures.length === 0) return result;
  const error: unknown = result.error;
  const cause = isRepositoryFailure(error) ? error.cause : error;
  return err(repositoryFailure(cause, rollbackFailures));
}

function isRepositoryFailure(value: unknown): value is RepositoryFailureError {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { code?: unknown }).code === "repository_failure"
  );
}
