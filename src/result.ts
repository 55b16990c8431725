/**
 * The outcome of an operation that can fail in an expected way: a value, or
 * an error that is plain data. Nothing in this library throws an expected
 * failure; functions named `…OrThrow` are the only exception.
 *
 * @example
 * ```ts
 * const r: Result<number, { code: "negative"; message: string }> = ok(3);
 * if (r.ok) r.value; //=> 3
 * ```
 */
export type Result<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

/**
 * The shape every error of this library has: a snake_case `code`, an English
 * `message`, and the data a caller needs to act on it.
 *
 * @example
 * ```ts
 * const issue: IssueBase<"empty"> = { code: "empty", message: "Enter a domain." };
 * ```
 */
export interface IssueBase<C extends string = string> {
  readonly code: C;
  readonly message: string;
}

/**
 * Wraps a value as a successful {@link Result}.
 *
 * @param value - the value
 * @returns `{ ok: true, value }`
 * @example
 * ```ts
 * ok(42); //=> { ok: true, value: 42 }
 * ```
 */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/**
 * Wraps an error as a failed {@link Result}.
 *
 * @param error - the error object
 * @returns `{ ok: false, error }`
 * @example
 * ```ts
 * err({ code: "empty", message: "Enter a domain." });
 * //=> { ok: false, error: { code: "empty", message: "Enter a domain." } }
 * ```
 */
export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/**
 * The one exception type of the library, thrown only by functions named
 * `…OrThrow`. It carries the same error object the non-throwing function
 * returns, in `issue`, and copies its `code`.
 *
 * @example
 * ```ts
 * try {
 *   parseEmailDomainOrThrow("gmail");
 * } catch (e) {
 *   if (e instanceof PartnerAccessError) e.code; //=> "single_label"
 * }
 * ```
 */
export class PartnerAccessError<E extends IssueBase = IssueBase> extends Error {
  /** The error object, as the non-throwing variant returns it. */
  readonly issue: E;
  /** The error's `code`, copied for convenience. */
  readonly code: E["code"];

  constructor(issue: E) {
    super(issue.message);
    this.name = "PartnerAccessError";
    this.issue = issue;
    this.code = issue.code;
  }
}

/**
 * Returns the value of a successful result, or throws a
 * {@link PartnerAccessError} carrying the error.
 *
 * @param result - a result whose error is an issue object
 * @returns the value
 * @example
 * ```ts
 * unwrapOrThrow(ok(1)); //=> 1
 * ```
 */
export function unwrapOrThrow<T, E extends IssueBase>(result: Result<T, E>): T {
  if (result.ok) return result.value;
  throw new PartnerAccessError(result.error);
}
