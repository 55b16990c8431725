// Every function of the classification module returns, whatever it is
// given, and never writes to Object.prototype (or Array.prototype).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyUser, classifyUsers } from "../../src/classification/classify-user.js";
import { partnerSeatEligibility } from "../../src/classification/partner-seat.js";
import {
  employeeDomainStatus,
  suggestEmployeeDomain,
} from "../../src/classification/suggest-domain.js";
import { argument, iterable, record, returns } from "../access/garbage.js";

const never = <T>(value: unknown): T => value as T;
const RUNS = { numRuns: 1_000 };
const input = fc.oneof(argument, record);
const list = fc.oneof(iterable, argument);
// A new `add` list rebuilds the whole shared-domain list (tens of
// milliseconds), so lists to add come from one fixed options object.
const ADD = { sharedDomains: { add: ["acme-mail.com", 42, null] } };
const options = fc.oneof(
  argument,
  record.map((sharedDomains) => ({ sharedDomains })),
  iterable.map((replace) => ({ sharedDomains: { replace } })),
  fc.constant(ADD),
);

describe("the classification functions never throw", () => {
  it("classifyUser", () => {
    fc.assert(
      fc.property(argument, input, options, (email, partner, o) => {
        const c = returns(() => classifyUser(email, never(partner), never(o)));
        expect(["domain_match", "client_access_manager", "invalid_email"]).toContain(c.kind);
      }),
      RUNS,
    );
  });

  it("classifyUsers", () => {
    fc.assert(
      fc.property(list, input, options, (users, partner, o) => {
        const r = returns(() => classifyUsers(never(users), never(partner), never(o)));
        expect(r.counts.total).toBe(r.classifications.length);
      }),
      RUNS,
    );
  });

  it("partnerSeatEligibility", () => {
    fc.assert(
      fc.property(input, input, options, (user, partner, o) => {
        const r = returns(() => partnerSeatEligibility(never(user), never(partner), never(o)));
        expect(typeof r.eligible).toBe("boolean");
      }),
      RUNS,
    );
  });

  it("suggestEmployeeDomain", () => {
    fc.assert(
      fc.property(list, options, (emails, o) => {
        const r = returns(() => suggestEmployeeDomain(never(emails), never(o)));
        expect(r === null || typeof r.domain === "string").toBe(true);
      }),
      RUNS,
    );
  });

  it("employeeDomainStatus", () => {
    fc.assert(
      fc.property(input, list, options, (partner, users, o) => {
        const r = returns(() => employeeDomainStatus(never(partner), never(users), never(o)));
        expect(["missing", "set"]).toContain(r.status);
      }),
      RUNS,
    );
  });
});
