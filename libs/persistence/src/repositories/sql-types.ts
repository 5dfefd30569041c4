import { type EntityManager } from 'typeorm';

/** Anything that runs SQL: the DataSource's manager or a transaction's. */
export type SqlRunner = Pick<EntityManager, 'query'>;

/**
 * The rows an UPDATE or DELETE … RETURNING gave back. TypeORM's postgres driver answers those commands
 * with `[rows, affectedCount]` instead of the rows themselves.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
