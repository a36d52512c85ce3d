/**
 * Registry benchmark: latency of the registry API as a delegate's browser sees it (through Fastify's
 * request pipeline: routing, validation, serialization), on SQLite and — with BENCH_DATABASE_URL —
 * on PostgreSQL. Prints median and p99 per route; record results in bench/RESULTS.md.
 */
import { machine, percentile } from './lib';
import { buildApp } from '../src/http/app';
import { openStore } from '../src/store';
import type { Context } from '../src/usecases/context';
import { seedSampleForum } from '../src/usecases/seed-sample-forum';

const ROUTES = [
  '/api/participants?at=2006-06-17&status=member',
  '/api/participants?status=observer&lang=ru',
  '/api/participants/KOR',
  '/api/forum',
  '/api/bodies',
  '/api/chairmanships',
];
const WARMUP = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 1000);

async function benchDatabase(label: string, databaseUrl: string | undefined) {
  const store = openStore({ databaseUrl, dataDir: '', sqliteFile: ':memory:' });
  await store.migrate();
  const ctx: Context = { store, clock: () => new Date(), publicUrl: 'http://bench' };
  await seedSampleForum(ctx);
  const app = await buildApp({ ctx, version: 'bench', logLevel: 'silent' });
  await app.ready();
  const rows: string[] = [];
  for (const url of ROUTES) {
    for (let i = 0; i < WARMUP; i++) await app.inject(url);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint();
      const res = await app.inject(url);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
    }
    times.sort((a, b) => a - b);
    rows.push(`| ${label} | \`GET ${url}\` | ${percentile(times, 50).toFixed(2)} | ${percentile(times, 99).toFixed(2)} |`);
  }
  await app.close();
  await store.close();
  return rows;
}

const rows = [...(await benchDatabase('sqlite', undefined))];
if (process.env.BENCH_DATABASE_URL) rows.push(...(await benchDatabase('postgres', process.env.BENCH_DATABASE_URL)));
console.log(`## Registry API\n\nMachine: ${machine()}; ${RUNS} requests per route\n`);
console.log('| database | request | median ms | p99 ms |\n|---|---|---|---|');
console.log(rows.join('\n'));
