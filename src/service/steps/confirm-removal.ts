/**
 * The typed confirmation a removal needs. Internal: not exported from the
 * package.
 *
 * @module
 */

import { REMOVE_CONFIRMATION } from "../../access/assignment.js";
import { err, ok, type Result } from "../../result.js";
import type { ConfirmationRequiredError } from "../errors.js";

/**
 * Checks that the confirmation is exactly `REMOVE`.
 *
 * @param confirmation - what the user typed, of any type
 * @returns `REMOVE`, or `confirmation_required` at `["confirmation"]`
 * @example
 * ```ts
 * confirmRemoval("remove"); //=> { ok: false, error: { code: "confirmation_required", expected: "REMOVE", … } }
 * ```
 */
export function confirmRemoval(
  confirmation: unknown,
): Result<typeof REMOVE_CONFIRMATION, ConfirmationRequiredError> {
  // rule: removing access needs the typed confirmation REMOVE.
  if (confirmation === REMOVE_CONFIRMATION) return ok(REMOVE_CONFIRMATION);
  return err({
    code: "confirmation_required",
    message: `Type ${REMOVE_CONFIRMATION} (in capitals, nothing else) to confirm removing this access.`,
    path: ["confirmation"],
    expected: REMOVE_CONFIRMATION,
    input: confirmation,
  });
}
