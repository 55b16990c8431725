-- The tables of the SQL example that partner-access/postgres replaces
-- (examples/postgres/schema.sql before the entry existed), kept to test that
-- migratePostgresSchema brings a database made from it up to date.
-- partner-access: tables for the PostgreSQL repository (examples/postgres/repository.ts).
-- Records are kept as JSONB next to the columns that carry a rule: a key,
-- a uniqueness, a filter. Every text that is sorted uses COLLATE "C", the
-- binary order the repository contract asks for.

CREATE TABLE IF NOT EXISTS pa_partners (
  partner_id text COLLATE "C" PRIMARY KEY,
  data       jsonb   NOT NULL,
  version    integer NOT NULL
);

-- rule: no two partners hold the same employee email domain, nor one a
-- domain under the other's when that one matches subdomains. The primary
-- key refuses the first; the second is checked by the repository under a
-- lock on the domain's family (its last two labels), which every
-- overlapping pair of claims shares.
CREATE TABLE IF NOT EXISTS pa_domain_claims (
  domain           text COLLATE "C" PRIMARY KEY,
  family           text COLLATE "C" NOT NULL,
  partner_id       text COLLATE "C" NOT NULL,
  claimed_at       bigint  NOT NULL,
  match_subdomains boolean NOT NULL
);
CREATE INDEX IF NOT EXISTS pa_domain_claims_family ON pa_domain_claims (family);
CREATE INDEX IF NOT EXISTS pa_domain_claims_partner ON pa_domain_claims (partner_id);

-- rule: an email address can be linked to a given client by one partner only.
CREATE TABLE IF NOT EXISTS pa_email_links (
  client_id  bigint NOT NULL,
  email_key  text COLLATE "C" NOT NULL,
  partner_id text COLLATE "C" NOT NULL,
  email      text   NOT NULL,
  linked_at  bigint NOT NULL,
  PRIMARY KEY (client_id, email_key)
);
CREATE INDEX IF NOT EXISTS pa_email_links_partner ON pa_email_links (partner_id);

CREATE TABLE IF NOT EXISTS pa_users (
  partner_id text COLLATE "C" NOT NULL,
  email_key  text COLLATE "C" NOT NULL,
  data       jsonb   NOT NULL,
  version    integer NOT NULL,
  PRIMARY KEY (partner_id, email_key)
);

-- active_from / active_until: the window in which the assignment is active
-- ([activatedAt, removedAt ?? expiresAt), NULL when never active / open),
-- kept beside the JSON so a period's assignments are found by index.
CREATE TABLE IF NOT EXISTS pa_assignments (
  id           bigserial PRIMARY KEY,
  partner_id   text   NOT NULL,
  client_id    bigint NOT NULL,
  email_key    text   NOT NULL,
  status       text   NOT NULL,
  active_from  bigint,
  active_until bigint,
  data         jsonb   NOT NULL,
  version      integer NOT NULL
);
-- rule: one live (pending or active) assignment per partner, client and address.
CREATE UNIQUE INDEX IF NOT EXISTS pa_assignments_live
  ON pa_assignments (partner_id, client_id, email_key)
  WHERE status IN ('pending_access', 'active');
CREATE INDEX IF NOT EXISTS pa_assignments_client ON pa_assignments (client_id, email_key);
CREATE INDEX IF NOT EXISTS pa_assignments_active ON pa_assignments (active_from, active_until);

CREATE TABLE IF NOT EXISTS pa_clients (
  client_id bigint PRIMARY KEY,
  data      jsonb NOT NULL
);

-- Activities are read in pages by (at, id): keyset paging, never OFFSET.
CREATE TABLE IF NOT EXISTS pa_activities (
  id        bigserial PRIMARY KEY,
  client_id bigint NOT NULL,
  email     text COLLATE "C" NOT NULL,
  at        bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS pa_activities_at ON pa_activities (at, id);
