/** Injection tokens of collaborators given to IngestModule.forRoot (interfaces have no runtime class). */
export const WORKSPACE_DIRECTORY = Symbol('WORKSPACE_DIRECTORY');
export const BATCHING_PRODUCER = Symbol('BATCHING_PRODUCER');
export const INGEST_LOGGER = Symbol('INGEST_LOGGER');
/** ContactAliases: merged-away contacts and their survivors (identity stitching). */
export const CONTACT_ALIASES = Symbol('CONTACT_ALIASES');
/** `() => number` (ms since epoch); tests freeze it to check signature staleness. */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => number;
