/** Where events came from, as the `source` label of the received-events metric. */
export type IngestChannel = 'api' | 'segment' | 'pixel' | 'link' | 'webhook';
