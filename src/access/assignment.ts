/**
 * The life of a client assignment, as pure transitions: a partner assigns a
 * client to a tagged employee; the assignment waits for the client to grant
 * portal access (`pending_access`), is `active` once it does, and ends
 * `removed` (by the partner, with the typed confirmation `REMOVE`, or when
 * the employee leaves the partner account) or `expired`. Every function
 * returns new objects, never mutates its inputs, reads only their own
 * properties and reports a bad field with the same code and a `path` from
 * the parameter down to it.
 *
 * This module gathers the steps, each in its own file.
 *
 * @module
 */

export type {
  AssignClientError,
  AssignClientInput,
  AssignClientSuccess,
} from "./assign-client.js";
export { assignClient } from "./assign-client.js";
export type { AssignmentRecordIssue } from "./assignment-record.js";
export type {
  AssignClientsInput,
  AssignEmployeesInput,
  BulkAssignError,
  BulkAssignRequestIssue,
  BulkAssignResult,
} from "./bulk-assign.js";
export { assignClients, assignEmployees } from "./bulk-assign.js";
export type {
  InvalidClientIdIssue,
  InvalidEmailIssue,
  InvalidListIssue,
  InvalidPartnerIdIssue,
  InvalidRecordIssue,
  InvalidTimestampIssue,
  ValueIssue,
} from "./issues.js";
export type {
  RemovedEmployee,
  RemoveEmployeeIssue,
  RemoveEmployeeResult,
} from "./remove-employee.js";
export { removeEmployee } from "./remove-employee.js";
export type {
  AssignmentTransitionError,
  ExpireAssignmentError,
  RemoveClientAccessError,
} from "./transitions.js";
export {
  expireAssignment,
  grantPortalAccess,
  isAssignmentActiveAt,
  REMOVE_CONFIRMATION,
  removeClientAccess,
} from "./transitions.js";
