// The throughput benchmark's reference: a bare Fastify + pg server running the same SQL as the API's
// two timed routes and answering the same JSON, with nothing else (no Nest, no sign-in, no
// validation, no logging). Started by throughput.mjs as a process of its own, like the API.
// Environment: DATABASE_URL, PORT, BARE_POOL_MAX (the API's pool size, data-source.ts).
//   GET /list        the page of 50 and the totals of SCENARIOS[0] (scenarios.mjs), as GET /api/v1/projects/search
//   GET /indicators?year=Y&month=M   handWritten() of indicators-sql.mjs, as GET /api/v1/indicators (city, by district)
import Fastify from 'fastify';
import pg from 'pg';
import { handWritten } from './indicators-sql.mjs';
import { callSql, SCENARIOS } from './scenarios.mjs';

// dates as the API answers them: 'YYYY-MM-DD' text, not a JS Date at local midnight
pg.types.setTypeParser(pg.types.builtins.DATE, (text) => text);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.BARE_POOL_MAX ?? 10) });
pool.on('error', () => undefined); // PostgreSQL stopping at the end of the bench cuts idle connections
const regions = (await pool.query('SELECT code, parent_code FROM regions ORDER BY sort_order, code')).rows;
const city = regions.find((r) => r.parent_code === null).code;
const districts = regions.filter((r) => r.parent_code === city).map((r) => r.code);
const [scenario] = SCENARIOS;

const app = Fastify({ logger: false });
app.get('/list', async () => {
  const { items, total } = await callSql(pool, scenario);
  return { items, page: 1, pageSize: 50, total };
});
app.get('/indicators', async (request) => {
  const { year, month } = request.query;
  return handWritten(pool, { year: Number(year), month: Number(month) }, districts, city);
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
const stop = () => void app.close().then(() => pool.end()).finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
