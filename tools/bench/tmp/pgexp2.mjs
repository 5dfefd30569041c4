import pg from 'pg';
import { readFileSync } from 'node:fs';
import { startPostgresServer, makeTempDir } from '@leadscore/testing';
const server = await startPostgresServer({ dataDir: await makeTempDir('pgexp'), persistent: false });
const db = new pg.Client({ connectionString: server.url }); await db.connect();
const N = 100_000, B = 4100, ROUNDS = Number(process.env.ROUNDS ?? 10);
const state = (i, seq) => ({format:1,model:{id:'ontraport',version:1},createdAt:1767225600000,asOf:1768125605000+seq,fit:{points:0,rules:{}},engagement:{buckets:{'percentPerDay:2':{value:90.21557407086475+seq,asOf:1768125605000}},rules:{'pricing-page-view':{kind:'engagement',decay:'percentPerDay:2',value:90.21557407086475,asOf:1768125605000,lastEventId:`bench-${i}`}}},awards:[],counters:{},pendingAbsences:[],inactivity:{},lastEngagementAt:1768125605000,processedEventIds:Array.from({length:Math.min(seq,10)},(_,k)=>`bench-${k*100000+i}`),reported:{fit:0,engagement:90.22,total:90.22,tier:'hot',grade:null},sequence:seq});
await db.query(`CREATE TABLE contact_scores (workspace_id text NOT NULL, model_id text NOT NULL, contact_id text NOT NULL, model_version integer NOT NULL, sequence bigint NOT NULL, fit double precision NOT NULL, engagement double precision NOT NULL, total double precision NOT NULL, tier text, grade text, state jsonb NOT NULL, updated_at timestamptz NOT NULL, PRIMARY KEY (workspace_id, model_id, contact_id)) WITH (fillfactor=80)`);
await db.query(`CREATE TABLE outbox (id bigserial PRIMARY KEY, event_id text NOT NULL UNIQUE, source text NOT NULL, topic text NOT NULL, message_key text NOT NULL, payload text NOT NULL, headers jsonb NOT NULL DEFAULT '{}'::jsonb, created_at timestamptz NOT NULL, published_at timestamptz, batch_size int)`);
for (let i = 0; i < N; i += 5000) {
  const rows = Array.from({length:5000},(_,k)=>({workspace_id:'bench',model_id:'ontraport',contact_id:`user:c${i+k}`,model_version:1,sequence:1,fit:0,engagement:5,total:5,tier:'cold',grade:null,state:state(i+k,1),updated_at:new Date().toISOString()}));
  await db.query(`INSERT INTO contact_scores SELECT * FROM jsonb_to_recordset($1::jsonb) AS u(workspace_id text, model_id text, contact_id text, model_version int, sequence bigint, fit float8, engagement float8, total float8, tier text, grade text, state jsonb, updated_at timestamptz)`, [JSON.stringify(rows)]);
}
await db.query('VACUUM ANALYZE contact_scores');
const pid = (await db.query('SELECT pg_backend_pid() AS p')).rows[0].p;
const ticks = () => { const f = readFileSync(`/proc/${pid}/stat`,'utf8').split(') ')[1].split(' '); return (Number(f[11])+Number(f[12]))*10; };
const COLS = `workspace_id text, model_id text, contact_id text, model_version int, sequence bigint, fit float8, engagement float8, total float8, tier text, grade text, state jsonb, updated_at timestamptz`;
const SET = `model_version = EXCLUDED.model_version, sequence = EXCLUDED.sequence, fit = EXCLUDED.fit, engagement = EXCLUDED.engagement, total = EXCLUDED.total, tier = EXCLUDED.tier, grade = EXCLUDED.grade, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`;
const USET = `model_version = u.model_version, sequence = u.sequence, fit = u.fit, engagement = u.engagement, total = u.total, tier = u.tier, grade = u.grade, state = u.state, updated_at = u.updated_at`;
const RS = String.fromCharCode(30);
const variants = {
  upsertSplit: async (rows) => db.query(`INSERT INTO contact_scores SELECT w, m, c, v, q, f, e, t, ti, g, s::jsonb, u FROM UNNEST($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[], $6::float8[], $7::float8[], $8::float8[], $9::text[], $10::text[], string_to_array($11::text, chr(30)), $12::timestamptz[]) AS x(w, m, c, v, q, f, e, t, ti, g, s, u) ON CONFLICT (workspace_id, model_id, contact_id) DO UPDATE SET ${SET}`, [rows.map(r=>r.workspace_id), rows.map(r=>r.model_id), rows.map(r=>r.contact_id), rows.map(r=>r.model_version), rows.map(r=>r.sequence), rows.map(r=>r.fit), rows.map(r=>r.engagement), rows.map(r=>r.total), rows.map(r=>r.tier), rows.map(r=>r.grade), rows.map(r=>JSON.stringify(r.state)).join(RS), rows.map(r=>r.updated_at)]),
  parseSplit: async (rows) => db.query(`SELECT count(*) FROM UNNEST($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[], $6::float8[], $7::float8[], $8::float8[], $9::text[], $10::text[], string_to_array($11::text, chr(30)), $12::timestamptz[]) AS x(w, m, c, v, q, f, e, t, ti, g, s, u) WHERE s::jsonb IS NOT NULL`, [rows.map(r=>r.workspace_id), rows.map(r=>r.model_id), rows.map(r=>r.contact_id), rows.map(r=>r.model_version), rows.map(r=>r.sequence), rows.map(r=>r.fit), rows.map(r=>r.engagement), rows.map(r=>r.total), rows.map(r=>r.tier), rows.map(r=>r.grade), rows.map(r=>JSON.stringify(r.state)).join(RS), rows.map(r=>r.updated_at)]),
  upsertElems: async (rows) => db.query(`INSERT INTO contact_scores SELECT e->>'workspace_id', e->>'model_id', e->>'contact_id', (e->>'model_version')::int, (e->>'sequence')::bigint, (e->>'fit')::float8, (e->>'engagement')::float8, (e->>'total')::float8, e->>'tier', e->>'grade', e->'state', (e->>'updated_at')::timestamptz FROM jsonb_array_elements($1::jsonb) e ON CONFLICT (workspace_id, model_id, contact_id) DO UPDATE SET ${SET}`, [JSON.stringify(rows)]),
  parseElems: async (rows) => db.query(`SELECT count(e->'state') FROM jsonb_array_elements($1::jsonb) e`, [JSON.stringify(rows)]),

  parseJson: async (rows) => db.query(`SELECT count(*) FROM json_to_recordset($1::json) AS u(${COLS})`, [JSON.stringify(rows)]),
  parseJsonb: async (rows) => db.query(`SELECT count(*) FROM jsonb_to_recordset($1::jsonb) AS u(${COLS})`, [JSON.stringify(rows)]),
  parseJsonState: async (rows) => db.query(`SELECT sum(length(state::text)) FROM json_to_recordset($1::json) AS u(${COLS})`, [JSON.stringify(rows)]),
  updateNoState: async (rows) => db.query(`UPDATE contact_scores s SET sequence = u.sequence, total = u.total, engagement = u.engagement FROM json_to_recordset($1::json) AS u(${COLS}) WHERE s.workspace_id = u.workspace_id AND s.model_id = u.model_id AND s.contact_id = u.contact_id`, [JSON.stringify(rows)]),

  lockSorted: async (keys) => db.query(`SELECT s.* FROM contact_scores s JOIN UNNEST($1::text[], $2::text[], $3::text[]) AS t(w, m, c) ON s.workspace_id = t.w AND s.model_id = t.m AND s.contact_id = t.c ORDER BY s.workspace_id, s.model_id, s.contact_id FOR UPDATE OF s`, [keys.map(()=> 'bench'), keys.map(()=>'ontraport'), keys]),
  lockSortedWM: async (keys) => { await db.query(`SET LOCAL work_mem = '64MB'`); return db.query(`SELECT s.* FROM contact_scores s JOIN UNNEST($1::text[], $2::text[], $3::text[]) AS t(w, m, c) ON s.workspace_id = t.w AND s.model_id = t.m AND s.contact_id = t.c ORDER BY s.workspace_id, s.model_id, s.contact_id FOR UPDATE OF s`, [keys.map(()=> 'bench'), keys.map(()=>'ontraport'), keys]); },
  selectOnly: async (keys) => db.query(`SELECT s.* FROM contact_scores s JOIN UNNEST($1::text[], $2::text[], $3::text[]) AS t(w, m, c) ON s.workspace_id = t.w AND s.model_id = t.m AND s.contact_id = t.c`, [keys.map(()=> 'bench'), keys.map(()=>'ontraport'), keys]),
  selectXmin: async (keys) => db.query(`SELECT s.xmin::text AS version, s.* FROM contact_scores s JOIN UNNEST($1::text[], $2::text[], $3::text[]) AS t(w, m, c) ON s.workspace_id = t.w AND s.model_id = t.m AND s.contact_id = t.c`, [keys.map(()=> 'bench'), keys.map(()=>'ontraport'), keys]),
  upsertJsonb: async (rows) => db.query(`INSERT INTO contact_scores SELECT * FROM jsonb_to_recordset($1::jsonb) AS u(${COLS}) ON CONFLICT (workspace_id, model_id, contact_id) DO UPDATE SET ${SET}`, [JSON.stringify(rows)]),
  upsertJson: async (rows) => db.query(`INSERT INTO contact_scores SELECT * FROM json_to_recordset($1::json) AS u(${COLS}) ON CONFLICT (workspace_id, model_id, contact_id) DO UPDATE SET ${SET}`, [JSON.stringify(rows)]),
  updateJson: async (rows) => db.query(`UPDATE contact_scores s SET ${USET} FROM json_to_recordset($1::json) AS u(${COLS}) WHERE s.workspace_id = u.workspace_id AND s.model_id = u.model_id AND s.contact_id = u.contact_id`, [JSON.stringify(rows)]),
  upsertUnnest: async (rows) => db.query(`INSERT INTO contact_scores SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[], $6::float8[], $7::float8[], $8::float8[], $9::text[], $10::text[], $11::text[]::jsonb[], $12::timestamptz[]) ON CONFLICT (workspace_id, model_id, contact_id) DO UPDATE SET ${SET}`, [rows.map(r=>r.workspace_id), rows.map(r=>r.model_id), rows.map(r=>r.contact_id), rows.map(r=>r.model_version), rows.map(r=>r.sequence), rows.map(r=>r.fit), rows.map(r=>r.engagement), rows.map(r=>r.total), rows.map(r=>r.tier), rows.map(r=>r.grade), rows.map(r=>JSON.stringify(r.state)), rows.map(r=>r.updated_at)]),
  outboxText: async (rows) => db.query(`INSERT INTO outbox (event_id, source, topic, message_key, payload, created_at, batch_size) VALUES ($1, 's', '', '', $2, now(), $3)`, [`b${Math.random()}`, '[' + rows.map(r => JSON.stringify({e: r.contact_id, p: {specversion:'1.0', id:'6a19b6f4ef22e3cdf72a8b7f69ba7f72fb03d7b4242fd7ba592e3f1b38fd0baa', source:'leadscore/scorer', type:'score.changed', time:'2026-01-11T10:00:04.000Z', subject:r.contact_id, workspace:'bench', datacontenttype:'application/json', data:{contact:r.contact_id, model:{id:'ontraport',version:1}, sequence:10, cause:{type:'event',eventId:'bench-900004',eventType:'email.clicked'}, previous:{fit:0,engagement:41.06,total:41.06,tier:'warm',grade:null}, current:{fit:0,engagement:45.11,total:45.11,tier:'warm',grade:null}, contributions:[{ruleId:'email-click',kind:'engagement',points:45.11,eventId:'bench-900004'}]}}})).join(',') + ']', rows.length]),
};
const which = (process.env.VARIANTS ?? Object.keys(variants).join(',')).split(',');
const cpu = Object.fromEntries(which.map(v => [v, 0])), wall = Object.fromEntries(which.map(v => [v, 0]));
let seq = 1;
for (let r = 0; r < ROUNDS; r++) {
  for (const v of which) {
    const start = ((r * which.length + which.indexOf(v)) * B) % N;
    const keys = Array.from({length:B},(_,k)=>`user:c${(start+k*7)%N}`);
    seq++;
    const rows = keys.map(k => ({workspace_id:'bench',model_id:'ontraport',contact_id:k,model_version:1,sequence:seq,fit:0,engagement:5+seq,total:5+seq,tier:'cold',grade:null,state:state(0,seq),updated_at:new Date().toISOString()}));
    await db.query('BEGIN');
    const c = ticks(); const s = performance.now();
    await variants[v](v.startsWith('lock') || v.startsWith('select') ? keys : rows);
    wall[v] += performance.now() - s; cpu[v] += ticks() - c;
    await db.query('COMMIT');
  }
}
for (const v of which) console.log(`${v.padEnd(14)} pg cpu ${(cpu[v]/ROUNDS).toFixed(1)} ms/batch  wall ${(wall[v]/ROUNDS).toFixed(1)} ms/batch  (${(cpu[v]/ROUNDS/B*1000).toFixed(1)} µs/row)`);
await db.end(); await server.stop();
