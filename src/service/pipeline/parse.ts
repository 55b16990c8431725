/**
 * Parsing a request: copy it (see `copyRequest`), then validate the copy
 * with the use case's zod/mini schema, and report every bad field at once as
 * an `invalid_request` whose issues carry the library's value codes and
 * their paths from the request's root. Internal: not exported from the
 * package.
 *
 * @module
 */

import { invalidList, invalidRecord } from "../../access/issues.js";
import { isRecord } from "../../guards.js";
import { err, type IssuePath, ok, type Result } from "../../result.js";
import type { InvalidRequestError, RequestIssue } from "../errors.js";
import { copyRequest } from "./copy.js";

/**
 * What the pipeline needs of a zod/mini schema: `safeParse`.
 *
 * @example
 * ```ts
 * const schema: RequestSchema<{ partnerId: string }> = z.object({ partnerId: field.partnerId() });
 * ```
 */
export interface RequestSchema<Out> {
  safeParse(
    value: unknown,
  ):
    | { readonly success: true; readonly data: Out }
    | { readonly success: false; readonly error: { readonly issues: readonly ZodIssueLike[] } };
}

/** The parts of a zod issue the mapping reads. */
interface ZodIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: unknown;
  readonly params?: unknown;
}

// The value at `path` in the copy (plain data, so reading it is safe).
function valueAt(root: unknown, path: IssuePath): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
    value = Reflect.get(value, key);
  }
  return value;
}

function isRequestIssue(value: unknown): value is RequestIssue {
  return isRecord(value) && typeof value.code === "string" && typeof value.message === "string";
}

// A zod issue in the library's words: the field's own issue when one of our
// fields refused it, `invalid_list` for a list that is not one, and
// `invalid_record` for the rest (a value that should be an object).
function toRequestIssue(issue: ZodIssueLike, copy: unknown): RequestIssue {
  const path = issue.path.filter((k): k is string | number => typeof k !== "symbol");
  const params = issue.params;
  const own = isRecord(params) ? params.issue : undefined;
  if (issue.code === "custom" && isRequestIssue(own)) {
    // A field's issue may point inside the value (a currency in a table).
    const inside = own.path ?? [];
    return path.length + inside.length === 0 ? own : { ...own, path: [...path, ...inside] };
  }
  const input = valueAt(copy, path);
  if (issue.code === "invalid_type" && issue.expected === "array") return invalidList(path, input);
  const where = path.length === 0 ? undefined : path;
  const message =
    path.length === 0 ? "The request must be an object." : `${path.join(".")} must be an object.`;
  return invalidRecord(where, input, message);
}

/**
 * The `invalid_request` error with its issues.
 *
 * @param issues - every bad field, at least one
 * @returns the error
 * @example
 * ```ts
 * invalidRequest([{ code: "invalid_client_id", message: "…", path: ["clientId"], input: "42" }]).code;
 * //=> "invalid_request"
 * ```
 */
export function invalidRequest(issues: readonly RequestIssue[]): InvalidRequestError {
  const fields = [...new Set(issues.map((i) => (i.path ?? []).join(".") || "(the request)"))];
  return {
    code: "invalid_request",
    message: `The request is not valid: ${fields.join(", ")}; see issues.`,
    issues,
  };
}

/**
 * Copies a request and validates the copy: the parsed value is a fresh
 * object built from the copy alone, so nothing the caller holds can change
 * it afterwards.
 *
 * @param schema - the use case's request schema
 * @param request - the caller's request
 * @returns the parsed request, or `invalid_request` with every issue
 * @example
 * ```ts
 * parseRequest(z.object({ clientId: field.clientId() }), { clientId: "42" });
 * //=> { ok: false, error: { code: "invalid_request", issues: [{ code: "invalid_client_id", path: ["clientId"], … }], … } }
 * ```
 */
export function parseRequest<Out>(
  schema: RequestSchema<Out>,
  request: unknown,
): Result<Out, InvalidRequestError> {
  const copied = copyRequest(request);
  if (!copied.ok) return err(invalidRequest([copied.error]));
  const parsed = schema.safeParse(copied.value);
  if (parsed.success) return ok(parsed.data);
  return err(invalidRequest(parsed.error.issues.map((i) => toRequestIssue(i, copied.value))));
}
