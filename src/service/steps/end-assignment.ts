/**
 * Ending a live assignment (removed, or expired): the address is unlinked
 * from the client when this partner holds the link, so another partner may
 * link it, and the assignment is written. Internal: not exported from the
 * package.
 *
 * @module
 */

import type { Assignment } from "../../model.js";
import type { AssignmentRecord, RepositoryTransaction } from "../../ports/repository.js";
import type { Result } from "../../result.js";
import type { UnexpectedError, VersionConflictError } from "../errors.js";
import { writeAssignment } from "./records.js";

/**
 * Writes an assignment that is no longer live and frees its link. Both
 * happen in the use case's transaction, so they are kept together or not
 * at all.
 *
 * @param tx - the transaction
 * @param current - the live assignment, as read (locked)
 * @param next - the same assignment, removed or expired
 * @returns the assignment as stored, or why not
 * @example
 * ```ts
 * const removed = yield* take(await endAssignment(tx, current, next));
 * ```
 */
export async function endAssignment(
  tx: RepositoryTransaction,
  current: AssignmentRecord,
  next: Assignment,
): Promise<Result<AssignmentRecord, VersionConflictError | UnexpectedError>> {
  const { clientId, partnerId } = current.value;
  // A partner has at most one live assignment per client and address, so
  // once this one ends the partner needs the link no more.
  await tx.unlinkEmail({ clientId, emailKey: current.emailKey, partnerId });
  return writeAssignment(tx, current, next);
}
