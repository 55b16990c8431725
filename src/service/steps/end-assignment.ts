/**
 * Ending a live assignment (removed, or expired): the assignment is
 * written, and then the address is unlinked from the client when this
 * partner holds the link, so another partner may link it. Internal: not
 * exported from the package.
 *
 * @module
 */

import type { Assignment } from "../../model.js";
import type { AssignmentRecord, RepositoryTransaction } from "../../ports/repository.js";
import type { Result } from "../../result.js";
import type { UnexpectedError, VersionConflictError } from "../errors.js";
import { writeAssignment } from "./records.js";

/**
 * Writes an assignment that is no longer live and then frees its link.
 * Both happen in the use case's transaction; when the write is refused
 * (a stale assignment) the link is left as it was, so a use case that
 * keeps the rest of a batch never keeps a live assignment without its link.
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
  const written = await writeAssignment(tx, current, next);
  if (!written.ok) return written;
  // A partner has at most one live assignment per client and address, so
  // once this one has ended the partner needs the link no more. A stale
  // assignment keeps its link: in a batch the others are kept, and a live
  // assignment without its link would let another partner link the address.
  const { clientId, partnerId } = current.value;
  await tx.unlinkEmail({ clientId, emailKey: current.emailKey, partnerId });
  return written;
}
