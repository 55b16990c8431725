import { describe, expectTypeOf, it } from "vitest";
import {
  type AssignClientError,
  type AssignClientInput,
  type AssignClientSuccess,
  type AssignmentTransitionError,
  assignClient,
  assignClients,
  assignEmployees,
  type BulkAssignError,
  type BulkAssignRequestIssue,
  type ExpireAssignmentError,
  expireAssignment,
  grantPortalAccess,
  type InvalidTimestampIssue,
  isAssignmentActiveAt,
  REMOVE_CONFIRMATION,
  type RemoveClientAccessError,
  type RemoveEmployeeIssue,
  type RemoveEmployeeResult,
  removeClientAccess,
  removeEmployee,
  type ValueIssue,
} from "../../src/access/assignment.js";
import {
  type Action,
  type Actor,
  type AuthorizationTarget,
  authorize,
  type ClientActor,
  can,
  type ForbiddenError,
  type ForbiddenReason,
  type Permission,
} from "../../src/access/authorization.js";
import type { EmailIssue } from "../../src/domain/email-address.js";
import type { Assignment, AssignmentStatus, ClientId, PartnerUser } from "../../src/model.js";
import type { IssueBase, IssuePath, Result } from "../../src/result.js";

declare const actor: Actor;
declare const assignment: Assignment;
declare const user: PartnerUser;

describe("authorization types", () => {
  it("keeps the published shapes", () => {
    expectTypeOf<Permission>().toEqualTypeOf<"manage_partner_employees">();
    expectTypeOf<Actor>().toEqualTypeOf<{
      readonly userId: string;
      readonly partnerId: string;
      readonly superAdmin: boolean;
      readonly permissions: readonly Permission[];
    }>();
    expectTypeOf(can).parameters.toEqualTypeOf<
      [Actor | ClientActor, Action, AuthorizationTarget]
    >();
    expectTypeOf(can).returns.toEqualTypeOf<boolean>();
    expectTypeOf(authorize(actor, "tag_employee", { partnerId: "acme" })).toEqualTypeOf<
      Result<void, ForbiddenError>
    >();
  });

  it("knows the actions and the reasons", () => {
    expectTypeOf<"update_employee_domain">().toExtend<Action>();
    expectTypeOf<"delete_portal_user">().toExtend<Action>();
    expectTypeOf<"drop_database">().not.toExtend<Action>();
    expectTypeOf<ForbiddenError>().toExtend<IssueBase<"forbidden">>();
    expectTypeOf<ForbiddenError["reason"]>().toEqualTypeOf<ForbiddenReason>();
    // @ts-expect-error an unknown action does not type-check
    can(actor, "drop_database", { partnerId: "acme" });
    // @ts-expect-error a target needs a partnerId
    can(actor, "tag_employee", { clientId: 1 });
  });

  it("tells a client's user from a partner's by kind", () => {
    const who = actor as Actor | ClientActor;
    if ("kind" in who) expectTypeOf(who.clientId).toEqualTypeOf<ClientId>();
  });
});

describe("assignment types", () => {
  it("keeps the published signatures", () => {
    expectTypeOf(assignClient).parameter(0).toEqualTypeOf<AssignClientInput>();
    expectTypeOf(assignClient).returns.toEqualTypeOf<
      Result<AssignClientSuccess, AssignClientError>
    >();
    expectTypeOf(grantPortalAccess).returns.toEqualTypeOf<
      Result<Assignment, AssignmentTransitionError>
    >();
    expectTypeOf(removeClientAccess).parameters.toEqualTypeOf<[Assignment, string, number]>();
    expectTypeOf(removeClientAccess).returns.toEqualTypeOf<
      Result<Assignment, RemoveClientAccessError>
    >();
    expectTypeOf(expireAssignment).returns.toEqualTypeOf<
      Result<Assignment, ExpireAssignmentError>
    >();
    expectTypeOf(removeEmployee).returns.toEqualTypeOf<RemoveEmployeeResult>();
    expectTypeOf<RemoveEmployeeResult>().toEqualTypeOf<{
      revoked: Assignment[];
      assignments: Assignment[];
      issues?: readonly RemoveEmployeeIssue[];
    }>();
    expectTypeOf(isAssignmentActiveAt).returns.toEqualTypeOf<boolean>();
    expectTypeOf(REMOVE_CONFIRMATION).toEqualTypeOf<"REMOVE">();
  });

  it("narrows errors by code", () => {
    const r = assignClient({ user, clientId: 1, now: 0 });
    if (r.ok) {
      expectTypeOf(r.value.assignment).toEqualTypeOf<Assignment>();
      expectTypeOf(r.value.clientAccessRequested).toEqualTypeOf<boolean>();
    } else if (r.error.code === "not_tagged") {
      expectTypeOf(r.error.email).toEqualTypeOf<string>();
    } else if (r.error.code === "invalid_timestamp") {
      expectTypeOf(r.error.path).toEqualTypeOf<IssuePath>();
      expectTypeOf(r.error).toEqualTypeOf<InvalidTimestampIssue>();
    } else if (r.error.code === "invalid_email") {
      expectTypeOf(r.error.emailIssue).toEqualTypeOf<EmailIssue>();
    }
    const g = grantPortalAccess(assignment, 0);
    if (!g.ok && g.error.code === "invalid_transition") {
      expectTypeOf(g.error.from).toEqualTypeOf<AssignmentStatus>();
      expectTypeOf(g.error.to).toEqualTypeOf<AssignmentStatus>();
    }
    const x = removeClientAccess(assignment, "REMOVE", 0);
    if (!x.ok && x.error.code === "confirmation_required") {
      expectTypeOf(x.error.expected).toEqualTypeOf<"REMOVE">();
    }
    expectTypeOf<"assignment_expired">().not.toExtend<ExpireAssignmentError["code"]>();
  });

  it("gives bulk results per item", () => {
    const byClient = assignClients({ user, clientIds: [1, 2], now: 0 });
    expectTypeOf(byClient.results[0]!.clientId).toEqualTypeOf<ClientId>();
    expectTypeOf(byClient.results[0]!.result).toEqualTypeOf<
      Result<AssignClientSuccess, BulkAssignError>
    >();
    const byUser = assignEmployees({ users: [user], clientId: 1, now: 0 });
    expectTypeOf(byUser.results[0]!.user).toEqualTypeOf<PartnerUser>();
    expectTypeOf(byUser.assignments).toEqualTypeOf<readonly Assignment[]>();
  });

  it("reports unreadable requests and bad values in one shape", () => {
    const byClient = assignClients({ user, clientIds: [1], now: 0 });
    expectTypeOf(byClient.issues).toEqualTypeOf<readonly BulkAssignRequestIssue[] | undefined>();
    expectTypeOf<BulkAssignRequestIssue["code"]>().toEqualTypeOf<
      "invalid_record" | "invalid_list"
    >();
    const item = byClient.results[0]!.result;
    if (!item.ok && item.error.code === "duplicate_in_request") {
      expectTypeOf(item.error.path).toEqualTypeOf<IssuePath>();
      expectTypeOf(item.error.firstPath).toEqualTypeOf<IssuePath>();
    }
    expectTypeOf<AssignmentTransitionError["code"]>().toEqualTypeOf<
      | "invalid_record"
      | "invalid_partner_id"
      | "invalid_client_id"
      | "invalid_email"
      | "invalid_timestamp"
      | "invalid_transition"
      | "time_out_of_order"
      | "assignment_expired"
    >();
    expectTypeOf<ValueIssue>().toExtend<IssueBase>();
    const denied = authorize(actor, "tag_employee", { partnerId: "acme" });
    if (!denied.ok) expectTypeOf(denied.error.issue).toEqualTypeOf<ValueIssue | undefined>();
  });

  it("keeps results readonly", () => {
    const r = grantPortalAccess(assignment, 0);
    if (r.ok) {
      // @ts-expect-error assignments are readonly
      r.value.status = "active";
    }
  });
});
