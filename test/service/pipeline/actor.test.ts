import { describe, expect, it } from "vitest";
import { parseActor } from "../../../src/service/pipeline/actor.js";

const MESSAGE =
  "The actor is not valid: it needs a userId, superAdmin, and a partnerId with its permissions (or, for a client's user, a clientId).";
const PARTNER_ID = "A partner is identified by its partnerId, a non-empty string.";
const CLIENT_ID =
  "A client is identified by its HubID, a positive whole number (a number, not a string).";

// The refusal of an actor: always `forbidden` / `invalid_actor`, with the
// action asked for, the path and input of the bad field, and its issue.
const refused = (
  action: string,
  issue: { code: string; message: string; path: readonly (string | number)[]; input: unknown },
) => ({
  ok: false,
  error: {
    code: "forbidden",
    reason: "invalid_actor",
    message: MESSAGE,
    action,
    path: issue.path,
    input: issue.input,
    issue,
  },
});

const partnerActor = {
  userId: "u1",
  partnerId: "acme",
  superAdmin: false,
  permissions: ["manage_partner_employees"],
};
const clientActor = { kind: "client", userId: "c1", clientId: 42, superAdmin: true };

describe("parseActor: a partner account's user", () => {
  it("reads a valid actor into a fresh one with only its known fields and permissions", () => {
    const r = parseActor(
      {
        ...partnerActor,
        extra: 1,
        permissions: ["x", "manage_partner_employees", "manage_partner_employees"],
      },
      "tag_employee",
    );
    expect(r).toStrictEqual({
      ok: true,
      value: {
        userId: "u1",
        partnerId: "acme",
        superAdmin: false,
        permissions: ["manage_partner_employees"],
      },
    });
    expect(
      parseActor({ ...partnerActor, superAdmin: true, permissions: [] }, "tag_employee"),
    ).toEqual({
      ok: true,
      value: { userId: "u1", partnerId: "acme", superAdmin: true, permissions: [] },
    });
  });

  it("refuses an actor that is not an object", () => {
    for (const actor of [undefined, null, 7, "u1", [partnerActor]]) {
      expect(parseActor(actor, "tag_employee")).toEqual(
        refused("tag_employee", {
          code: "invalid_record",
          message: "The actor must be an object.",
          path: ["actor"],
          input: actor,
        }),
      );
    }
  });

  it("refuses a missing or empty userId, before anything else", () => {
    for (const userId of [undefined, "", 7]) {
      expect(parseActor({ ...partnerActor, userId, superAdmin: "no" }, "assign_client")).toEqual(
        refused("assign_client", {
          code: "invalid_record",
          message: "The actor needs a userId, a non-empty string.",
          path: ["actor", "userId"],
          input: userId,
        }),
      );
    }
  });

  // rule: superAdmin must be a boolean; "true" is not true.
  it("refuses a superAdmin that is not a boolean, before the partnerId", () => {
    for (const superAdmin of ["true", 1, undefined, null]) {
      expect(
        parseActor({ ...partnerActor, superAdmin, partnerId: "" }, "update_employee_domain"),
      ).toEqual(
        refused("update_employee_domain", {
          code: "invalid_record",
          message: "superAdmin must be true or false.",
          path: ["actor", "superAdmin"],
          input: superAdmin,
        }),
      );
    }
  });

  it("refuses a bad partnerId, before the permissions", () => {
    for (const partnerId of ["", 42, undefined]) {
      expect(
        parseActor({ ...partnerActor, partnerId, permissions: "all" }, "tag_employee"),
      ).toEqual(
        refused("tag_employee", {
          code: "invalid_partner_id",
          message: PARTNER_ID,
          path: ["actor", "partnerId"],
          input: partnerId,
        }),
      );
    }
  });

  it("refuses permissions that are not an array of strings", () => {
    expect(parseActor({ ...partnerActor, permissions: "all" }, "tag_employee")).toEqual(
      refused("tag_employee", {
        code: "invalid_list",
        message: "Expected a list (an array, a Set or another iterable).",
        path: ["actor", "permissions"],
        input: "all",
      }),
    );
    expect(
      parseActor({ ...partnerActor, permissions: ["manage_partner_employees", 7] }, "tag_employee"),
    ).toEqual(
      refused("tag_employee", {
        code: "invalid_record",
        message: "A permission is a string.",
        path: ["actor", "permissions", 1],
        input: 7,
      }),
    );
  });
});

describe("parseActor: a client's user", () => {
  it("reads a valid client actor, without partner fields", () => {
    expect(parseActor({ ...clientActor, partnerId: "acme" }, "delete_portal_user")).toStrictEqual({
      ok: true,
      value: { kind: "client", userId: "c1", clientId: 42, superAdmin: true },
    });
  });

  it("refuses its userId, then its superAdmin, then its clientId", () => {
    expect(parseActor({ ...clientActor, userId: "", clientId: 0 }, "grant_portal_access")).toEqual(
      refused("grant_portal_access", {
        code: "invalid_record",
        message: "The actor needs a userId, a non-empty string.",
        path: ["actor", "userId"],
        input: "",
      }),
    );
    expect(
      parseActor({ ...clientActor, superAdmin: "yes", clientId: 0 }, "grant_portal_access"),
    ).toEqual(
      refused("grant_portal_access", {
        code: "invalid_record",
        message: "superAdmin must be true or false.",
        path: ["actor", "superAdmin"],
        input: "yes",
      }),
    );
    for (const clientId of [0, "42", 1.5, undefined]) {
      expect(parseActor({ ...clientActor, clientId }, "grant_portal_access")).toEqual(
        refused("grant_portal_access", {
          code: "invalid_client_id",
          message: CLIENT_ID,
          path: ["actor", "clientId"],
          input: clientId,
        }),
      );
    }
  });
});
