/**
 * The expiry reminders that fall due in a window.
 *
 * @module
 */

import type { Actor } from "../../access/authorization.js";
import { dueReminders, type ExpiryReminder } from "../../access/expiry-reminders.js";
import type { Assignment, PartnerId, Timestamp } from "../../model.js";
import type { AssignmentRecord } from "../../ports/repository.js";
import { ok } from "../../result.js";
import * as z from "../../vendor/zod-mini.js";
import type { RemindersDueError } from "../errors.js";
import type { PartnerAccessEvent } from "../events.js";
import { defineUseCase } from "../pipeline/define-use-case.js";
import { field } from "../pipeline/fields.js";
import type { Steps } from "../pipeline/fold.js";

/**
 * The request of `remindersDue`: the window `(since, now]`, and the days
 * before expiry to remind (default 30, 7 and 1).
 *
 * @example
 * ```ts
 * const request: RemindersDueRequest = { actor, partnerId: "acme", since: lastRun };
 * ```
 */
export interface RemindersDueRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
  /** The end of the previous window (exclusive). */
  readonly since: Timestamp;
  /** The end of this window (inclusive); default the service's clock. */
  readonly now?: Timestamp;
  readonly daysBefore?: readonly number[];
}

/**
 * What `remindersDue` found: each reminder with its assignment's id, and
 * the window used (pass its `now` as the next call's `since`).
 *
 * @example
 * ```ts
 * const s: RemindersDueSuccess = { reminders: [], window: { since: 0, now: 86_400_000 } };
 * ```
 */
export interface RemindersDueSuccess {
  readonly reminders: readonly (ExpiryReminder & { readonly assignmentId: string })[];
  readonly window: { readonly since: Timestamp; readonly now: Timestamp };
}

type Success = RemindersDueSuccess & { readonly events: PartnerAccessEvent[] };

/**
 * The expiry reminders of the partner's live assignments due in the window
 * (`dueReminders`): each reminder is given exactly once over consecutive
 * windows (each `since` the previous `now`). Each becomes an
 * `assignment_expiry_reminder_due` event, to send as a notification. Needs
 * `view_partner_employees`. Writes nothing, so a rerun repeats nothing.
 *
 * @param deps - the service's repository, clock and options
 * @param request - a {@link RemindersDueRequest}
 * @returns the reminders and their events
 * @example
 * ```ts
 * const r = await remindersDue(deps, { actor: manager, partnerId: "acme", since: lastRun });
 * r.ok && r.value.events.map((e) => e.type); //=> ["assignment_expiry_reminder_due"]
 * ```
 */
export const remindersDue = defineUseCase({
  action: "view_partner_employees",
  request: z.object({
    actor: field.any(),
    partnerId: field.partnerId(),
    since: field.timestamp(),
    now: z.optional(field.timestamp()),
    daysBefore: z.optional(z.array(field.dayCount())),
  }),
  target: (r) => ({ partnerId: r.partnerId }),
  run: async function* (r, context): Steps<Success, RemindersDueError> {
    const live = await context.tx.listAssignments({ partnerId: r.partnerId, live: true });
    const records = new Map<Assignment, AssignmentRecord>(live.map((a) => [a.value, a]));
    const window = { since: r.since, now: r.now ?? context.now };
    const options = r.daysBefore === undefined ? {} : { daysBefore: r.daysBefore };
    const reminders = dueReminders(records.keys(), window, options).flatMap((reminder) => {
      const record = records.get(reminder.assignment);
      return record === undefined ? [] : [{ ...reminder, assignmentId: record.id }];
    });
    const events = reminders.map(({ assignmentId, assignment, daysBefore, dueAt }) =>
      context.event({
        type: "assignment_expiry_reminder_due",
        ...{ assignmentId, assignment, daysBefore, dueAt },
      }),
    );
    return ok({ reminders, window, events });
  },
});
