import type { DataSource } from '@leadscore/persistence';

/** What every use case works with: the database and the clock (a parameter, so tests can set it). */
export interface ApiContext {
  readonly dataSource: DataSource;
  readonly now: () => Date;
}
