/**
 * Repeated addresses in a bulk request. Internal: not exported from the
 * package.
 *
 * @module
 */

import type { IssuePath } from "../../result.js";
import type { DuplicateInRequestError } from "../errors.js";
import type { RequestAddress } from "../pipeline/fields.js";

/**
 * For each address of a list, `undefined` for its first occurrence (by
 * key), or the `duplicate_in_request` refusal of a later one.
 *
 * @param addresses - the parsed addresses
 * @param root - the list's name in the request (`"emails"`)
 * @returns one entry per address
 * @example
 * ```ts
 * duplicates([jane, JANE], "emails")[1]?.firstPath; //=> ["emails", 0]
 * ```
 */
export function duplicates(
  addresses: readonly RequestAddress[],
  root: string,
): (DuplicateInRequestError | undefined)[] {
  const first = new Map<string, number>();
  return addresses.map((address, index) => {
    const seen = first.get(address.key);
    if (seen === undefined) {
      first.set(address.key, index);
      return undefined;
    }
    const path: IssuePath = [root, index];
    return {
      code: "duplicate_in_request",
      message: `${address.email} is already in this request, at position ${seen}.`,
      path,
      firstPath: [root, seen],
      input: address.email,
    };
  });
}
