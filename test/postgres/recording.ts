import type { PartnerAccessRepository } from "../../src/ports/repository.js";
import {
  createPostgresRepository,
  type PostgresQueryable,
  type PostgresRepositoryOptions,
  type PostgresTransactor,
} from "../../src/postgres/index.js";
import { unwrapOrThrow } from "../../src/result.js";

// A PGlite-like driver (it runs transactions itself) over a stub connection
// that records every statement with its parameters, whitespace collapsed,
// and answers each with the rows `answer` gives.

export interface Sent {
  text: string;
  params: unknown[] | undefined;
}

export function recording(
  answer: (text: string) => unknown[] = () => [],
  options?: PostgresRepositoryOptions,
): {
  db: PostgresTransactor;
  repository: PartnerAccessRepository;
  sent: Sent[];
  statements: () => Sent[];
} {
  const sent: Sent[] = [];
  const q: PostgresQueryable = {
    query: async (text, params) => {
      sent.push({ text: text.replace(/\s+/g, " ").trim(), params });
      return { rows: answer(text) };
    },
  };
  const db = { transaction: <T>(fn: (tx: PostgresQueryable) => Promise<T>) => fn(q) };
  const repository = unwrapOrThrow(createPostgresRepository(db, options));
  // the statements of the store's tables, without SET TRANSACTION
  const statements = () => sent.filter((s) => !s.text.startsWith("SET TRANSACTION"));
  return { db, repository, sent, statements };
}

/** The first word of a statement: SELECT, INSERT, DELETE, … */
export const verb = (s: Sent): string | undefined => s.text.split(" ")[0];
