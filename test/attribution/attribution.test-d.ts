import { describe, expectTypeOf, it } from "vitest";
import {
  type Attribution,
  type AttributionError,
  type AttributionInput,
  type AttributionIssue,
  attributeManagedCredit,
  type ConflictEvidence,
  type CreditDecision,
  type CreditedClient,
  type CreditOutcome,
  type LostCredit,
  type PartnerCredit,
} from "../../src/attribution/managed-credit.js";
import {
  type CurrencyRate,
  type CurrencyTable,
  defaultCurrencyTable,
  type IssuePath,
  type MoneyError,
} from "../../src/attribution/money.js";
import {
  type ManagedPointsOptions,
  managedPoints,
  type SoldPointsOptions,
  soldPoints,
} from "../../src/attribution/points.js";
import {
  type AttributionStartInput,
  type AttributionState,
  type AttributionStateError,
  addActivities,
  type CompactAttributionState,
  compactAttributionState,
  finishAttribution,
  mergeAttributionStates,
  startAttribution,
} from "../../src/attribution/streaming.js";
import {
  evaluateTier,
  type TierEvaluation,
  type TierGap,
  type TierIssue,
  type TierPoints,
  type TierThresholdsError,
  validateTierThresholds,
} from "../../src/attribution/tiers.js";
import type { EmailConflictParty } from "../../src/conflicts/email-conflicts.js";
import type {
  Activity,
  Assignment,
  ClientId,
  Deal,
  Money,
  PartnerId,
  PartnerUser,
  Period,
  Program,
  Tier,
  TierThreshold,
} from "../../src/model.js";
import type { IssueBase, Result } from "../../src/result.js";

describe("attribution types", () => {
  it("keeps the signatures of design 2.5", () => {
    expectTypeOf(attributeManagedCredit).parameters.toEqualTypeOf<[AttributionInput]>();
    expectTypeOf(attributeManagedCredit).returns.toEqualTypeOf<
      Result<Attribution, AttributionError>
    >();
    expectTypeOf(managedPoints).parameters.toEqualTypeOf<
      [Money, (ManagedPointsOptions | undefined)?]
    >();
    expectTypeOf(managedPoints).returns.toEqualTypeOf<Result<number, MoneyError>>();
    expectTypeOf(soldPoints).parameters.toEqualTypeOf<
      [Iterable<Deal>, (SoldPointsOptions | undefined)?]
    >();
    expectTypeOf(soldPoints).returns.toEqualTypeOf<Result<number, MoneyError>>();
    expectTypeOf(evaluateTier).parameters.toEqualTypeOf<
      [TierPoints, Program, Iterable<TierThreshold>]
    >();
    expectTypeOf(evaluateTier).returns.toEqualTypeOf<TierEvaluation>();
    expectTypeOf(validateTierThresholds).returns.toEqualTypeOf<
      Result<readonly TierThreshold[], TierThresholdsError>
    >();
  });

  it("shapes the currency table as { per100Usd, exponent } per code", () => {
    expectTypeOf<CurrencyTable>().toEqualTypeOf<Readonly<Record<string, CurrencyRate>>>();
    expectTypeOf<CurrencyRate>().toEqualTypeOf<{ per100Usd: number; exponent: number }>();
    expectTypeOf(defaultCurrencyTable).toEqualTypeOf<CurrencyTable>();
    expectTypeOf<{ JPY: { per100Usd: 14400; exponent: 0 } }>().toExtend<CurrencyTable>();
    expectTypeOf<ManagedPointsOptions["currencyTable"]>().toEqualTypeOf<
      CurrencyTable | undefined
    >();
  });

  it("takes the input collections as iterables and the table as optional", () => {
    expectTypeOf<AttributionInput["period"]>().toEqualTypeOf<Period>();
    expectTypeOf<AttributionInput["assignments"]>().toEqualTypeOf<Iterable<Assignment>>();
    expectTypeOf<AttributionInput["activities"]>().toEqualTypeOf<Iterable<Activity>>();
    expectTypeOf<AttributionInput>()
      .toHaveProperty("currencyTable")
      .toEqualTypeOf<CurrencyTable | undefined>();
  });

  it("shapes the attribution as design 2.5 says", () => {
    expectTypeOf<keyof Attribution>().toEqualTypeOf<"partners" | "decisions" | "lostCredit">();
    expectTypeOf<Attribution["partners"]>().toEqualTypeOf<readonly PartnerCredit[]>();
    expectTypeOf<Attribution["decisions"]>().toEqualTypeOf<readonly CreditDecision[]>();
    expectTypeOf<Attribution["lostCredit"]>().toEqualTypeOf<readonly LostCredit[]>();
    expectTypeOf<keyof PartnerCredit>().toEqualTypeOf<
      "partnerId" | "points" | "managedMrr" | "clients"
    >();
    expectTypeOf<PartnerCredit["managedMrr"]>().toEqualTypeOf<readonly Money[]>();
    expectTypeOf<PartnerCredit["clients"]>().toEqualTypeOf<readonly CreditedClient[]>();
    expectTypeOf<CreditedClient>().toEqualTypeOf<{
      readonly clientId: ClientId;
      readonly share: Money;
      readonly points: number;
    }>();
  });

  it("narrows a decision's evidence by its outcome", () => {
    expectTypeOf<CreditDecision["outcome"]>().toEqualTypeOf<CreditOutcome>();
    expectTypeOf<CreditDecision["partnerId"]>().toEqualTypeOf<PartnerId>();
    type Credited = Extract<CreditDecision, { outcome: "credited" }>;
    expectTypeOf<Credited["evidence"]["activity"]>().toEqualTypeOf<Activity>();
    expectTypeOf<Credited["evidence"]["user"]>().toEqualTypeOf<PartnerUser>();
    type Contender = Extract<CreditDecision, { outcome: "conflict_contender" }>;
    expectTypeOf<Contender["evidence"]["conflict"]>().toEqualTypeOf<ConflictEvidence>();
    expectTypeOf<ConflictEvidence["holder"]>().toEqualTypeOf<EmailConflictParty>();
    type Untagged = Extract<CreditDecision, { outcome: "no_tagged_employee" }>;
    expectTypeOf<Untagged["evidence"]["user"]>().toEqualTypeOf<PartnerUser | null>();
    expectTypeOf<Untagged["evidence"]>().not.toHaveProperty("activity");
  });

  it("makes every error an issue with a literal snake_case code and a path", () => {
    expectTypeOf<AttributionError>().toExtend<IssueBase<"invalid_attribution_input">>();
    expectTypeOf<AttributionError["issues"]>().toEqualTypeOf<readonly AttributionIssue[]>();
    expectTypeOf<AttributionIssue>().toExtend<IssueBase>();
    expectTypeOf<AttributionIssue["path"]>().toEqualTypeOf<IssuePath>();
    expectTypeOf<
      "unknown_partner" | "unknown_client" | "duplicate_user" | "unknown_currency"
    >().toExtend<AttributionIssue["code"]>();
    expectTypeOf<"invalid_deal">().not.toExtend<AttributionIssue["code"]>();
    expectTypeOf<MoneyError["code"]>().toEqualTypeOf<
      | "invalid_record"
      | "invalid_list"
      | "invalid_amount"
      | "unknown_currency"
      | "invalid_currency_rate"
    >();
    expectTypeOf<
      "invalid_client_id" | "invalid_partner_id" | "invalid_timestamp" | "invalid_list"
    >().toExtend<AttributionIssue["code"]>();
    expectTypeOf<
      Extract<AttributionIssue, { code: "duplicate_user" }>["firstPath"]
    >().toEqualTypeOf<IssuePath>();
    expectTypeOf<TierIssue>().toExtend<IssueBase>();
  });

  it("gives a tier evaluation design 2.5's shape", () => {
    expectTypeOf<TierEvaluation["tier"]>().toEqualTypeOf<Tier | null>();
    expectTypeOf<TierGap>().toEqualTypeOf<{
      readonly tier: Tier;
      readonly missingTotalPoints: number;
      readonly missingSourcedPoints: number;
    }>();
    const e = evaluateTier({ totalPoints: 1, sourcedPoints: 0 }, "partner", []);
    if (e.tier === null && e.reason === "below_lowest_tier")
      expectTypeOf(e.next).toEqualTypeOf<TierGap>();
    if (e.tier !== null) expectTypeOf(e.tier).toEqualTypeOf<Tier>();
  });

  it("refuses wrong arguments at compile time", () => {
    const noExponent = { USD: { per100Usd: 100 } };
    // @ts-expect-error: a currency table row needs an exponent
    managedPoints({ amountMinor: 1, currency: "USD" }, { currencyTable: noExponent });
    // @ts-expect-error: the program is "partner" or "provider"
    evaluateTier({ totalPoints: 1, sourcedPoints: 0 }, "agency", []);
    // @ts-expect-error: the input needs its activities
    attributeManagedCredit({
      period: { start: 0, end: 1 },
      partners: [],
      clients: [],
      users: [],
      assignments: [],
    });
  });

  it("keeps the streaming signatures of design 2.5", () => {
    expectTypeOf(startAttribution).parameters.toEqualTypeOf<[AttributionStartInput]>();
    expectTypeOf(startAttribution).returns.toEqualTypeOf<
      Result<AttributionState, AttributionError>
    >();
    const state = {} as AttributionState;
    const compact = {} as CompactAttributionState;
    // The two-argument calls of design 2.5 keep their types; the compact
    // form is an addition (an options argument).
    expectTypeOf(addActivities(state, [] as Activity[])).toEqualTypeOf<AttributionState>();
    expectTypeOf(
      addActivities(compact, [] as Activity[], { reference: state }),
    ).toEqualTypeOf<CompactAttributionState>();
    expectTypeOf(mergeAttributionStates(state, state)).toEqualTypeOf<
      Result<AttributionState, AttributionStateError>
    >();
    expectTypeOf(mergeAttributionStates(compact, compact, { reference: state })).toEqualTypeOf<
      Result<AttributionState | CompactAttributionState, AttributionStateError>
    >();
    expectTypeOf(compactAttributionState).returns.toEqualTypeOf<
      Result<CompactAttributionState, AttributionStateError>
    >();
    expectTypeOf<CompactAttributionState>().not.toHaveProperty("reference");
    expectTypeOf(finishAttribution).returns.toEqualTypeOf<
      Result<Attribution, AttributionError | AttributionStateError>
    >();
    expectTypeOf<AttributionState["version"]>().toEqualTypeOf<1>();
    expectTypeOf<AttributionStartInput>().not.toHaveProperty("activities");
    expectTypeOf<AttributionStateError["code"]>().toEqualTypeOf<
      "invalid_attribution_state" | "attribution_states_differ"
    >();
    // @ts-expect-error: a state is started without activities, then fed
    addActivities(startAttribution, []);
  });
});
