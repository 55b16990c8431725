/**
 * The four credit checks, in their order: rule (managed credit) for each
 * assignment of a (partner, client) pair,
 * 1. its user is a tagged employee of that partner ({@link employeeStatus});
 * 2. it was active during the period (./active-window.ts);
 * 3. it is not a conflict contender (the conflicts kernel,
 *    src/conflicts/kernel.ts: the holder is the earliest `assignedAt`, ties
 *    to the smaller `partnerId`);
 * 4. its user did a qualifying activity on that client inside the period
 *    while it was active (./evidence.ts says which one is reported).
 * The pair is credited if any assignment passes all four; otherwise its
 * outcome is the failure of the assignment that got furthest
 * ({@link Stage}).
 *
 * @module
 */

/**
 * How far an assignment got through the checks, in their order; the pair's
 * outcome is that of its assignment with the highest stage.
 *
 * @example
 * ```ts
 * STAGE_OUTCOMES[Stage.ConflictContender]; //=> "conflict_contender"
 * ```
 */
export enum Stage {
  /** Failed check 1. */
  NoTaggedEmployee = 0,
  /** Passed check 1, failed check 2. */
  NoActiveAssignment = 1,
  /** Passed checks 1 and 2, failed check 3. */
  ConflictContender = 2,
  /** Passed checks 1–3: credited once an activity passes check 4. */
  Candidate = 3,
}

/**
 * The outcome of a pair whose furthest assignment stopped at a stage (a
 * candidate without activity has no qualifying activity).
 *
 * @example
 * ```ts
 * STAGE_OUTCOMES[Stage.Candidate]; //=> "no_qualifying_activity"
 * ```
 */
export const STAGE_OUTCOMES = [
  "no_tagged_employee",
  "no_active_assignment",
  "conflict_contender",
  "no_qualifying_activity",
] as const;

/**
 * Check 1 for a user: why they are not a tagged employee of their partner,
 * or that they are (the names are {@link EMPLOYEE_STATUSES}).
 *
 * @example
 * ```ts
 * EMPLOYEE_STATUSES[EmployeeStatus.NotTagged]; //=> "not_tagged"
 * ```
 */
export enum EmployeeStatus {
  /** No user of the partner has the assignment's address. */
  UnknownUser = 0,
  /** `inPartnerAccount: false`. */
  NotInPartnerAccount = 1,
  /** Not tagged as a partner employee. */
  NotTagged = 2,
  /** A tagged employee: passes check 1. */
  Employee = 3,
}

/**
 * The reasons of check 1, by {@link EmployeeStatus}.
 *
 * @example
 * ```ts
 * EMPLOYEE_STATUSES[1]; //=> "not_in_partner_account"
 * ```
 */
export const EMPLOYEE_STATUSES = ["unknown_user", "not_in_partner_account", "not_tagged"] as const;

/**
 * Check 1: rule (only tagged users still in the partner account are its
 * employees, and only their activity earns managed credit).
 *
 * @param tagged - the user's `tagged`
 * @param inPartnerAccount - the user's `inPartnerAccount` (absent: true)
 * @returns the user's {@link EmployeeStatus}
 * @example
 * ```ts
 * employeeStatus(true, undefined); //=> EmployeeStatus.Employee
 * employeeStatus(true, false); //=> EmployeeStatus.NotInPartnerAccount
 * ```
 */
export function employeeStatus(
  tagged: boolean,
  inPartnerAccount: boolean | undefined,
): EmployeeStatus {
  if (inPartnerAccount === false) return EmployeeStatus.NotInPartnerAccount;
  return tagged ? EmployeeStatus.Employee : EmployeeStatus.NotTagged;
}
