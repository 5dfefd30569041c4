import { type EntityManager } from 'typeorm';

/** Anything that runs SQL: the DataSource's manager or a transaction's. */
export type SqlRunner = Pick<EntityManager, 'query'>;
