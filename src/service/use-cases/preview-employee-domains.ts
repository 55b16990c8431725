/**
 * What setting new employee domains would do, before doing it.
 *
 * @module
 */

import type { Actor } from "../../access/authorization.js";
import {
  type DomainChangePreview,
  previewDomainChange,
} from "../../classification/preview-domain-change.js";
import type { PartnerId } from "../../model.js";
import { ok } from "../../result.js";
import * as z from "../../vendor/zod-mini.js";
import type { PreviewEmployeeDomainsError } from "../errors.js";
import type { PartnerAccessEvent } from "../events.js";
import { defineUseCase } from "../pipeline/define-use-case.js";
import { field } from "../pipeline/fields.js";
import { type Steps, take } from "../pipeline/fold.js";
import { readPartner } from "../steps/records.js";

/**
 * The request of `previewEmployeeDomains`: the domains the partner would
 * hold, primary first.
 *
 * @example
 * ```ts
 * const request: PreviewEmployeeDomainsRequest = { actor, partnerId: "acme", domains: ["acme.io"] };
 * ```
 */
export interface PreviewEmployeeDomainsRequest {
  readonly actor: Actor;
  readonly partnerId: PartnerId;
  readonly domains: readonly string[];
}

/**
 * What `previewEmployeeDomains` found.
 *
 * @example
 * ```ts
 * const s: PreviewEmployeeDomainsSuccess = { preview };
 * ```
 */
export interface PreviewEmployeeDomainsSuccess {
  readonly preview: DomainChangePreview;
}

type Success = PreviewEmployeeDomainsSuccess & { readonly events: PartnerAccessEvent[] };

/**
 * Previews a change of employee domains with `previewDomainChange` over
 * the partner's users and every partner's claims, read from the
 * repository: the domains added, removed and kept, who gains or loses
 * recognition and a Partner Seat, and the warning for the new list; or
 * `domain_change_refused` with every domain that could not be set. Needs
 * `view_partner_employees` (what it shows is the partner-employee list), so
 * a manager can prepare a change that only a super admin can make with
 * `setEmployeeDomains`. Writes nothing.
 *
 * @param deps - the service's repository, clock and options
 * @param request - a {@link PreviewEmployeeDomainsRequest}
 * @returns the preview, or why not
 * @example
 * ```ts
 * const r = await previewEmployeeDomains(deps, { actor: manager, partnerId: "acme", domains: ["acme.io"] });
 * r.ok && r.value.preview.domains; //=> { added: ["acme.io"], removed: ["acme.com"], kept: [] }
 * ```
 */
export const previewEmployeeDomains = defineUseCase({
  action: "view_partner_employees",
  request: z.object({ actor: field.any(), partnerId: field.partnerId(), domains: field.list() }),
  target: (r) => ({ partnerId: r.partnerId }),
  run: async function* (r, context): Steps<Success, PreviewEmployeeDomainsError> {
    const { tx, deps } = context;
    const partner = yield* take(await readPartner(tx, r.partnerId));
    const users = (await tx.listUsers({ partnerId: r.partnerId })).map((u) => u.value);
    const claims = await tx.listDomainClaims();
    const preview = yield* take(
      previewDomainChange(partner.value, r.domains, users, { claims, ...deps.domainOptions }),
    );
    return ok({ preview, events: [] });
  },
});
