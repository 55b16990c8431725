/**
 * How a use case keeps "all or nothing": every use case runs inside
 * `repository.transaction`, and a refusal (an `ok: false` result) or a throw
 * rolls it back. Internal: not exported from the package.
 *
 * @module
 */

import type { PartnerAccessRepository, RepositoryTransaction } from "../ports/repository.js";
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

// Every method of the port, wrapped by `guard`. The `satisfies` clause makes
// the compiler refuse this table when the port gains a method it lacks (or
// it names one the port does not have), so no method can reach a use case
// unwrapped.
const METHODS = {
  getPartner: true,
  listPartners: true,
  savePartner: true,
  claimDomain: true,
  releaseDomain: true,
  getDomainClaim: true,
  listDomainClaims: true,
  linkEmail: true,
  unlinkEmail: true,
  getEmailLink: true,
  listEmailLinks: true,
  getUser: true,
  listUsers: true,
  saveUser: true,
  deleteUser: true,
  insertAssignment: true,
  getAssignment: true,
  getLiveAssignment: true,
  listAssignments: true,
  updateAssignment: true,
  putClient: true,
  listClients: true,
  recordActivities: true,
  listActivities: true,
} as const satisfies Record<keyof RepositoryTransaction, true>;

/**
 * The name of a method the unit of work wraps: exactly the methods of the
 * port's transaction view (a type test holds the two equal).
 *
 * @example
 * ```ts
 * const name: RepositoryMethodName = "claimDomain";
 * ```
 */
export type RepositoryMethodName = keyof typeof METHODS;

const NAMES = Object.keys(METHODS) as RepositoryMethodName[];

// Every method, called on the caller's object: a throw, a rejection, or a
// missing method becomes a RepositoryThrew.
function guard(tx: RepositoryTransaction): RepositoryTransaction {
  const guarded: Record<string, unknown> = {};
  for (const name of NAMES) {
    guarded[name] = async (...args: unknown[]) => {
      try {
        const method = tx[name] as (...a: unknown[]) => Promise<unknown>;
        return await method.apply(tx, args);
      } catch (cause) {
        throw new RepositoryThrew(cause);
      }
    };
  }
  return guarded as unknown as RepositoryTransaction;
}

/**
 * A `repository_failure` error. Its transaction kept nothing, so
 * `rollbackFailures` is always empty (the field stays for callers that read
 * it; nothing is undone by hand any more).
 *
 * @param cause - what the repository threw
 * @returns the error
 * @example
 * ```ts
 * repositoryFailure(new Error("connection reset")).rollbackFailures; //=> []
 * ```
 */
export function repositoryFailure(cause: unknown): RepositoryFailureError {
  return {
    code: "repository_failure",
    message: "The repository failed; nothing of this change was kept. Try again.",
    cause,
    rollbackFailures: [],
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

/**
 * Runs a use case all or nothing, inside `repository.transaction`: a
 * refusal (an `ok: false` result) or a throw rolls it back. The store may
 * run the body more than once (after a serialization failure), so the body
 * keeps everything it produces in its result. What the repository throws or
 * rejects with is `repository_failure` (with the `cause`); anything else the
 * body throws is `unexpected_error`. Never throws.
 *
 * @param repository - the caller's repository
 * @param body - the use case: reads and writes through the transaction's view
 * @returns the body's result, or the failure
 * @example
 * ```ts
 * const r = await inUnitOfWork(repository, async (tx) => {
 *   const p = await tx.getPartner("acme");
 *   return p === null ? err({ code: "partner_not_found" }) : ok(p);
 * });
 * ```
 */
export async function inUnitOfWork<R extends Result<unknown, unknown>>(
  repository: PartnerAccessRepository | undefined,
  body: (tx: RepositoryTransaction) => Promise<R>,
): Promise<R | Result<never, Failure>> {
  try {
    if (typeof repository?.transaction !== "function") {
      return err(repositoryFailure(new TypeError("The repository has no transaction method.")));
    }
    return await repository.transaction(async (tx) => {
      let result: R;
      try {
        result = await body(guard(tx));
      } catch (thrown) {
        throw thrown instanceof RepositoryThrew ? thrown : new Unexpected(thrown);
      }
      // The port's one way to roll back is a rejection: the refusal travels
      // in it and comes back as the result below.
      if (!result.ok) throw new Refused(result);
      return result;
    });
  } catch (thrown) {
    if (thrown instanceof Refused) return thrown.result as R;
    if (thrown instanceof Unexpected) return err(unexpectedError(thrown.cause));
    // the transaction itself failed (begin, commit, a getter): it kept nothing
    return err(repositoryFailure(thrown instanceof RepositoryThrew ? thrown.cause : thrown));
  }
}
