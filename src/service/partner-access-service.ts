/**
 * The application service: the use cases of a partner program over the
 * caller's repository, wired together. Each use case lives in its own file
 * under `use-cases/` and runs on the one pipeline of
 * `pipeline/define-use-case.ts` (copy and parse the request, authorize,
 * one transaction, act, events).
 *
 * @module
 */

import type { ServiceDeps } from "./pipeline/define-use-case.js";
import type { PartnerAccessService, PartnerAccessServiceOptions } from "./service-api.js";
import { addPartnerUser } from "./use-cases/add-partner-user.js";
import { assignClient } from "./use-cases/assign-client.js";
import { assignClients } from "./use-cases/assign-clients.js";
import { assignEmployees } from "./use-cases/assign-employees.js";
import { attributeCredit } from "./use-cases/attribute-credit.js";
import { expireDueAssignments } from "./use-cases/expire-due-assignments.js";
import { getEmployeeDomainStatus } from "./use-cases/get-employee-domain-status.js";
import { grantPortalAccess } from "./use-cases/grant-portal-access.js";
import { listPartnerEmployees } from "./use-cases/list-partner-employees.js";
import { previewEmployeeDomains } from "./use-cases/preview-employee-domains.js";
import { remindersDue } from "./use-cases/reminders-due.js";
import { removeClientAccess } from "./use-cases/remove-client-access.js";
import { removeEmployee } from "./use-cases/remove-employee.js";
import { removeEmployeesAccess } from "./use-cases/remove-employees-access.js";
import { savePartnerAccount } from "./use-cases/save-partner-account.js";
import { setEmployeeDomains } from "./use-cases/set-employee-domains.js";
import { tagEmployee } from "./use-cases/tag-employee.js";
import { untagEmployee } from "./use-cases/untag-employee.js";

export type { PartnerAccessService, PartnerAccessServiceOptions } from "./service-api.js";
export type { TagEmployeeSuccess } from "./steps/set-tag.js";
export type {
  AssignedClient,
  AssignmentChanged,
  BulkAssignSuccess,
  ServiceResult,
} from "./types.js";
export type { AddPartnerUserRequest, AddPartnerUserSuccess } from "./use-cases/add-partner-user.js";
export type { AssignClientRequest } from "./use-cases/assign-client.js";
export type { AssignClientsRequest } from "./use-cases/assign-clients.js";
export type { AssignEmployeesRequest } from "./use-cases/assign-employees.js";
export type {
  AttributeCreditRequest,
  AttributeCreditSuccess,
  AttributionProgress,
} from "./use-cases/attribute-credit.js";
export type { ExpireDueAssignmentsSuccess } from "./use-cases/expire-due-assignments.js";
export type { EmployeeDomainStatusSuccess } from "./use-cases/get-employee-domain-status.js";
export type { GrantPortalAccessRequest } from "./use-cases/grant-portal-access.js";
export type {
  ListPartnerEmployeesSuccess,
  PartnerEmployee,
  PartnerRequest,
} from "./use-cases/list-partner-employees.js";
export type {
  PreviewEmployeeDomainsRequest,
  PreviewEmployeeDomainsSuccess,
} from "./use-cases/preview-employee-domains.js";
export type { RemindersDueRequest, RemindersDueSuccess } from "./use-cases/reminders-due.js";
export type { RemoveClientAccessRequest } from "./use-cases/remove-client-access.js";
export type { EmployeeRequest, RemoveEmployeeSuccess } from "./use-cases/remove-employee.js";
export type {
  RemoveEmployeesAccessRequest,
  RemoveEmployeesAccessSuccess,
} from "./use-cases/remove-employees-access.js";
export type {
  SavePartnerAccountRequest,
  SavePartnerAccountSuccess,
} from "./use-cases/save-partner-account.js";
export type {
  SetEmployeeDomainsRequest,
  SetEmployeeDomainsSuccess,
} from "./use-cases/set-employee-domains.js";

// The options, read once (a missing or broken repository is reported by
// each use case as repository_failure; a clock that is not a function is
// the default one).
function depsOf(options: PartnerAccessServiceOptions): ServiceDeps {
  const given: Partial<PartnerAccessServiceOptions> =
    typeof options === "object" && options !== null ? options : {};
  const { repository, clock, sharedDomains } = given;
  return {
    repository,
    clock: typeof clock === "function" ? clock : Date.now,
    domainOptions: sharedDomains === undefined ? {} : { sharedDomains },
    requireDomainProof: given.requireDomainProof === true,
  };
}

/**
 * Creates the service over a repository. The clock is read once per use
 * case, and nowhere else.
 *
 * @param options - the repository, and optionally the clock, the shared-domain list and `requireDomainProof`
 * @returns the service
 * @example
 * ```ts
 * import { createInMemoryRepository } from "partner-access/testing";
 * const service = createPartnerAccessService({ repository: createInMemoryRepository() });
 * const r = await service.tagEmployee({ actor, partnerId: "acme", email: "jane@acme.com" });
 * if (!r.ok) r.error.code; //=> "user_not_found" (the repository is empty)
 * ```
 */
export function createPartnerAccessService(
  options: PartnerAccessServiceOptions,
): PartnerAccessService {
  const deps = depsOf(options);
  return {
    setEmployeeDomains: (request) => setEmployeeDomains(deps, request),
    tagEmployee: (request) => tagEmployee(deps, request),
    untagEmployee: (request) => untagEmployee(deps, request),
    assignClient: (request) => assignClient(deps, request),
    assignClients: (request) => assignClients(deps, request),
    assignEmployees: (request) => assignEmployees(deps, request),
    grantPortalAccess: (request) => grantPortalAccess(deps, request),
    removeClientAccess: (request) => removeClientAccess(deps, request),
    removeEmployeesAccess: (request) => removeEmployeesAccess(deps, request),
    removeEmployee: (request) => removeEmployee(deps, request),
    removePartnerUser: (request) => removeEmployee(deps, request),
    addPartnerUser: (request) => addPartnerUser(deps, request),
    savePartnerAccount: (request) => savePartnerAccount(deps, request),
    listPartnerEmployees: (request) => listPartnerEmployees(deps, request),
    getEmployeeDomainStatus: (request) => getEmployeeDomainStatus(deps, request),
    previewEmployeeDomains: (request) => previewEmployeeDomains(deps, request),
    expireDueAssignments: (request) => expireDueAssignments(deps, request),
    remindersDue: (request) => remindersDue(deps, request),
    attributeCredit: (request) => attributeCredit(deps, request),
  };
}
