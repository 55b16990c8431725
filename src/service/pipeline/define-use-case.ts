/**
 * The one pipeline every use case runs on: parse the request into a fresh
 * copy → authorize the actor on that copy → read the clock → open one
 * transaction → act → events. A use case supplies only its schema, its
 * action and target, and its steps. Internal: not exported from the package.
 *
 * @module
 */

import {
  type Action,
  type Actor,
  type AuthorizationTarget,
  authorize,
  type ClientActor,
} from "../../access/authorization.js";
import type { SharedDomainOptions } from "../../domain/shared-domains.js";
import { isTimestamp, normaliseTimestamp } from "../../guards.js";
import type { Timestamp } from "../../model.js";
import type { PartnerAccessRepository, RepositoryTransaction } from "../../ports/repository.js";
import { err, ok, type Result } from "../../result.js";
import type { CommonServiceError, UnexpectedError } from "../errors.js";
import type { PartnerAccessEvent, PartnerAccessEventData } from "../events.js";
import { inUnitOfWork, unexpectedError } from "../unit-of-work.js";
import { parseActor } from "./actor.js";
import { fold, type Steps, take } from "./fold.js";
import { parseRequest, type RequestSchema } from "./parse.js";

/**
 * What the use cases share: the caller's repository and clock, and the
 * service's options, read once when the service is created.
 *
 * @example
 * ```ts
 * const deps: ServiceDeps = { repository, clock: Date.now, domainOptions: {}, requireDomainProof: false };
 * ```
 */
export interface ServiceDeps {
  readonly repository: PartnerAccessRepository | undefined;
  readonly clock: () => unknown;
  /** `{ sharedDomains }` for the domain and classification functions. */
  readonly domainOptions: SharedDomainOptions;
  readonly requireDomainProof: boolean;
}

/**
 * What a use case's steps work with: the transaction's view of the
 * repository, the time and the actor of the call, the service's options,
 * and `event` to stamp an event with that time and actor.
 *
 * @example
 * ```ts
 * const e = context.event({ type: "employee_tagged", partnerId: "acme", email: "jane@acme.com" });
 * ```
 */
export interface UseCaseContext {
  readonly tx: RepositoryTransaction;
  readonly now: Timestamp;
  readonly actor: Actor | ClientActor;
  readonly deps: ServiceDeps;
  event(data: PartnerAccessEventData): PartnerAccessEvent;
}

/**
 * A use case: its request schema (a zod/mini schema with an `actor`
 * field), the action it needs and on what, and its steps.
 *
 * @example
 * ```ts
 * const definition: UseCaseDefinition<{ partnerId: string }, { events: [] }, never> = {
 *   action: "view_partner_employees",
 *   request: z.object({ actor: field.any(), partnerId: field.partnerId() }),
 *   target: (r) => ({ partnerId: r.partnerId }),
 *   run: async function* () { return ok({ events: [] }); },
 * };
 * ```
 */
export interface UseCaseDefinition<Req, Value, E> {
  readonly action: Action;
  readonly request: RequestSchema<Req & { readonly actor?: unknown }>;
  readonly target: (request: Req) => AuthorizationTarget;
  readonly run: (request: Req, context: UseCaseContext) => Steps<Value, E>;
}

/**
 * A use case ready to run: resolves, never rejects.
 *
 * @example
 * ```ts
 * const r = await tagEmployee(deps, { actor, partnerId: "acme", email: "jane@acme.com" });
 * ```
 */
export type UseCase<Value, E> = (
  deps: ServiceDeps,
  request: unknown,
) => Promise<Result<Value, E | CommonServiceError>>;

// The clock is the caller's: it may throw or answer anything but a time.
function readClock(clock: () => unknown): Result<Timestamp, UnexpectedError> {
  try {
    const now = clock();
    if (isTimestamp(now)) return ok(normaliseTimestamp(now));
    return err(unexpectedError(new TypeError(`The clock returned ${String(now)}, not a time.`)));
  } catch (cause) {
    return err(unexpectedError(cause));
  }
}

function contextOf(
  tx: RepositoryTransaction,
  now: Timestamp,
  actor: Actor | ClientActor,
  deps: ServiceDeps,
): UseCaseContext {
  return { tx, now, actor, deps, event: (data) => ({ ...data, at: now, actor }) };
}

/**
 * Makes a use case out of its definition. The request is copied once (own
 * data properties only, each read once) and validated; the actor is read
 * from the copy and authorized for the action on the copy's target; the
 * clock is read once; the steps run inside one `repository.transaction`,
 * which keeps all of their writes or none, and may run them again after a
 * serialization failure. Nothing throws out of it: a repository that
 * rejects is `repository_failure` (with the cause), anything else that
 * throws is `unexpected_error`.
 *
 * @param definition - the schema, the action and target, and the steps
 * @returns the use case
 * @example
 * ```ts
 * const listPartnerEmployees = defineUseCase({ action: "view_partner_employees", request, target, run });
 * await listPartnerEmployees(deps, { actor, partnerId: "acme" }); //=> { ok: true, value: { …, events: [] } }
 * ```
 */
export function defineUseCase<Req, Value, E>(
  definition: UseCaseDefinition<Req, Value, E>,
): UseCase<Value, E> {
  const { action, request: schema, target, run } = definition;
  return async (deps, request) => {
    try {
      return await fold(
        (async function* () {
          const parsed = yield* take(parseRequest(schema, request));
          const actor = yield* take(parseActor(parsed.actor, action));
          yield* take(authorize(actor, action, target(parsed)));
          const now = yield* take(readClock(deps.clock));
          return await inUnitOfWork(deps.repository, (tx) =>
            fold(run(parsed, contextOf(tx, now, actor, deps))),
          );
        })(),
      );
    } catch (cause) {
      // A safety net: every step above returns its failures.
      return err(unexpectedError(cause));
    }
  };
}
