// The floor of the reads benchmark (reads.bench.ts): a bare Fastify server that answers each read with
// the least I/O it needs — the caller's key looked up by its hash, as the api authenticates, then the
// very rows the api's answer shows, fetched by primary key in one statement — serialised as JSON, with
// nothing computed. What the api does beyond that (index ranges, the histogram walk, the explanation,
// relative scores, the OpenAPI-shaped answer, rate limits) is what the ratio measures.
// Run by the bench as a child process: PORT, DATABASE_URL, BENCH_FLOOR_ROWS (JSON of FloorRows).
import { createHash } from 'node:crypto';
import Fastify, { type FastifyRequest } from 'fastify';
import pg from 'pg';

export interface FloorRows {
  readonly workspace: string;
  readonly model: string;
  /** The contacts of the first page and of the deep page, as the api answered them. */
  readonly firstPage: readonly string[];
  readonly deepPage: readonly string[];
  /** The contact the contact read asks for. */
  readonly contact: string;
  /** The contacts holding the totals a distribution names (min, max, median, percentiles). */
  readonly distributionContacts: readonly string[];
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const rows = JSON.parse(required('BENCH_FLOOR_ROWS')) as FloorRows;
// The api's pool size (libs/persistence's default).
type Row = Record<string, unknown>;
const pool = new pg.Pool({ connectionString: required('DATABASE_URL'), max: 10 });

/** The key lookup every api request makes (api_keys by the SHA-256 of the bearer key). */
async function authenticate(request: FastifyRequest): Promise<void> {
  const bearer = (request.headers.authorization ?? '').replace(/^Bearer /, '');
  const hash = createHash('sha256').update(bearer).digest();
  const found = await pool.query(
    'SELECT id, workspace_id, scopes, revoked_at FROM api_keys WHERE key_hash = $1',
    [hash],
  );
  if (found.rowCount !== 1) throw new Error('the bench key is not in api_keys');
}

const PAGE_ROWS = `
  SELECT r.contact_id, r.total, r.tier, r.grade, r.model_version, r.as_of, l.stage
  FROM UNNEST($3::text[]) AS k(contact_id)
  JOIN contact_ranks r ON r.workspace_id = $1 AND r.model_id = $2 AND r.contact_id = k.contact_id
  LEFT JOIN lifecycle_states l ON l.workspace_id = $1 AND l.model_id = $2 AND l.contact_id = k.contact_id`;

const app = Fastify();
app.get('/first', async (request) => {
  await authenticate(request);
  return (await pool.query<Row>(PAGE_ROWS, [rows.workspace, rows.model, rows.firstPage])).rows;
});
app.get('/deep', async (request) => {
  await authenticate(request);
  return (await pool.query<Row>(PAGE_ROWS, [rows.workspace, rows.model, rows.deepPage])).rows;
});
app.get('/contact', async (request) => {
  await authenticate(request);
  const found = await pool.query<Row>(
    `SELECT s.*, l.stage, r.total AS rank_total
     FROM contact_scores s
     LEFT JOIN lifecycle_states l USING (workspace_id, model_id, contact_id)
     LEFT JOIN contact_ranks r USING (workspace_id, model_id, contact_id)
     WHERE s.workspace_id = $1 AND s.contact_id = $2`,
    [rows.workspace, rows.contact],
  );
  return found.rows;
});
app.get('/distribution', async (request) => {
  await authenticate(request);
  const histogram = await pool.query(
    `SELECT bucket, sum(contacts)::bigint AS contacts FROM score_histogram
     WHERE workspace_id = $1 AND model_id = $2 GROUP BY bucket ORDER BY bucket`,
    [rows.workspace, rows.model],
  );
  const totals = await pool.query(PAGE_ROWS, [rows.workspace, rows.model, rows.distributionContacts]);
  return { histogram: histogram.rows, totals: totals.rows };
});

await app.listen({ host: '127.0.0.1', port: Number(required('PORT')) });
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
});
