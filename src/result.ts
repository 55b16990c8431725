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
 * Where an issue lies in a function's input: the keys and indexes from the
 * argument down to the bad value. The first key names the parameter, or the
 * property of the single input object (`["assignments", 3, "clientId"]`,
 * `["now"]`); an issue about the whole argument of a one-argument function
 * has the path `[]`.
 *
 * @example
 * ```ts
 * const path: IssuePath = ["assignments", 3, "clientId"];
 * ```
 */
export type IssuePath = readonly (string | number)[];

/**
 * The shape every error, warning and refusal of this library has: a
 * snake_case `code` (one code per meaning across the library), an English
 * `message`, and, where the issue concerns a part of the input, its `path`
 * and the refused `input` exactly as given. Each code adds the data a caller
 * needs to act on it.
 *
 * @example
 * ```ts
 * const issue: IssueBase<"invalid_client_id"> = {
 *   code: "invalid_client_id",
 *   message: "A client is identified by its HubID, a positive whole number.",
 *   path: ["clientId"],
 *   input: "42",
 * };
 * ```
 */
export interface IssueBase<C extends string = string> {
  readonly code: C;
  readonly message: string;
  /** Where in the input the issue lies, when it concerns a part of it. */
  readonly path?: IssuePath;
  /** The refused value, exactly as given, when the issue concerns one. */
  readonly input?: unknown;
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

// The brand is a registered symbol, so the ESM and the CommonJS copies of
// this module (an app can load both) recognise each other's errors.
const BRAND: unique symbol = Symbol.for("partner-access.PartnerAccessError") as never;

/**
 * Whether a value is a {@link PartnerAccessError}, whichever copy of the
 * library (ESM or CommonJS, or two installed versions) created it. Never
 * throws.
 *
 * @param value - any value
 * @returns `true` for an error thrown by an `…OrThrow` function of this library
 * @example
 * ```ts
 * try {
 *   parseEmailDomainOrThrow("acme");
 * } catch (e) {
 *   if (isPartnerAccessError(e)) e.issue.code; //=> "single_label"
 * }
 * ```
 */
export function isPartnerAccessError(value: unknown): value is PartnerAccessError {
  try {
    return (
      typeof value === "object" &&
      value !== null &&
      Object.hasOwn(value, BRAND) &&
      (value as { readonly [BRAND]?: unknown })[BRAND] === true
    );
  } catch {
    // A Proxy whose traps throw is not one of ours.
    return false;
  }
}

/**
 * The one exception type of the library, thrown only by functions named
 * `…OrThrow`. It carries the same error object the non-throwing function
 * returns, in `issue`, and copies its `code`. `instanceof` recognises errors
 * from the ESM and the CommonJS build alike (see {@link isPartnerAccessError}).
 *
 * @example
 * ```ts
 * try {
 *   parseEmailDomainOrThrow("acme");
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

  /**
   * Recognises errors by their brand rather than by prototype, so both
   * builds of the library agree.
   *
   * @param value - any value
   * @returns whether `value` is a `PartnerAccessError`
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isPartnerAccessError(value);
  }

  /**
   * @param issue - the error object to carry
   */
  constructor(issue: E) {
    const message = typeof issue?.message === "string" ? issue.message : "partner-access error";
    super(message);
    this.name = "PartnerAccessError";
    this.issue = issue;
    this.code = issue?.code;
    Object.defineProperty(this, BRAND, { value: true });
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
