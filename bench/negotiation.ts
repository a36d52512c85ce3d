/**
 * Negotiation benchmark: a 300-provision text with 3,000 open proposals (PRODUCT.md §7). Measures the
 * core's compilation rendering (what the browser also runs) and `GET /api/negotiations/{id}` and the
 * compilation text through the HTTP pipeline, on SQLite and — with BENCH_DATABASE_URL — PostgreSQL.
 */
import { makeProposal, renderDocument, toPlainText, type Provision, type ProposalType } from '../src/core/negotiation';
import { buildApp } from '../src/http/app';
import { openStore } from '../src/store';
import type { Context } from '../src/usecases/context';
import { createUser } from '../src/usecases/create-user';
import { seedSampleForum } from '../src/usecases/seed-sample-forum';
import { issueApiToken } from '../src/usecases/api-tokens';
import type { AddressInfo } from 'node:net';
import { machine, measure } from './lib';

const PROVISIONS = Number(process.env.BENCH_PROVISIONS ?? 300);
const PROPOSALS = Number(process.env.BENCH_PROPOSALS ?? 3000);
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const STATES = ['AFG', 'AZE', 'CHN', 'EGY', 'IND', 'IRN', 'ISR', 'KAZ', 'KGZ', 'PAK', 'PSE', 'RUS', 'TJK', 'TUR', 'UZB', 'MNG', 'THA', 'KOR'];
const WORDS = 'We reaffirm our commitment to strengthen cooperation and interaction among the Member States in addressing new challenges and threats to peace security and stability in Asia'.split(' ');

function sentence(i: number, length = 24): string {
  return Array.from({ length }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ') + '.';
}

function buildDraft(): Provision[] {
  const out: Provision[] = [];
  for (let i = 0; out.length < PROVISIONS; i++) {
    if (i % 30 === 0) out.push({ id: `p${i}h`, kind: 'heading', text: `Section ${i / 30 + 1}`, status: 'agreed' });
    else out.push({ id: `p${i}`, kind: i % 10 === 1 ? 'pp' : 'op', text: sentence(i), status: i % 4 === 0 ? 'agreed' : 'bracketed' });
  }
  return out;
}

async function setup(databaseUrl: string | undefined) {
  const store = openStore({ databaseUrl, dataDir: '', sqliteFile: ':memory:' });
  await store.migrate();
  const ctx: Context = { store, clock: () => new Date(), publicUrl: 'http://bench' };
  await seedSampleForum(ctx);
  const draft = buildDraft();
  const targets = draft.filter((p) => p.kind !== 'heading');
  const types: ProposalType[] = ['amend', 'amend', 'alternative', 'insert_after', 'delete'];
  const id = await store.transaction(async (tx) => {
    const id = await tx.negotiations.insert({ title: 'Benchmark text', bodyCode: 'SUMMIT', openToObservers: false, note: null, revision: 0, createdBy: null, createdAt: new Date().toISOString() });
    await tx.negotiations.saveDraft(id, draft);
    for (let i = 0; i < PROPOSALS; i++) {
      const target = targets[i % targets.length]!;
      const type = types[i % types.length]!;
      const start = (i * 5) % 20;
      const made = makeProposal(
        target,
        { type, text: type === 'delete' ? null : type === 'amend' ? `proposal ${i}` : sentence(i + 1, 18), range: type === 'amend' ? { start, end: start + 2 } : null },
        { id: `bp${i}`, author: STATES[i % STATES.length]! },
      );
      if (!made.ok) throw new Error(made.problem.message);
      await tx.negotiations.insertProposal({
        ...made.proposal,
        supporters: [STATES[(i + 1) % STATES.length]!],
        opponents: i % 7 === 0 ? [STATES[(i + 2) % STATES.length]!] : [],
        negotiationId: id,
        seq: i + 1,
        createdBy: null,
        createdAt: new Date().toISOString(),
        resolvedAt: null,
        resolvedBy: null,
      });
    }
    return id;
  });
  const user = await createUser(ctx, null, { email: 'bench@example.org', name: 'Bench', role: 'delegate', participant: 'KAZ', functions: ['delegate'], password: 'a long bench password' }, 'cli');
  const { token } = await issueApiToken(ctx, null, { userId: user.id, label: 'bench' }, 'cli');
  const app = await buildApp({ ctx, version: 'bench', logLevel: 'silent' });
  await app.ready();
  return { store, app, id, token, draft };
}

const rows: string[] = [];
for (const [label, url] of [['sqlite', undefined], ['postgres', process.env.BENCH_DATABASE_URL]] as const) {
  if (label === 'postgres' && !url) continue;
  const { store, app, id, token, draft } = await setup(url);
  const headers = { authorization: `Bearer ${token}` };
  const proposals = await store.read.negotiations.proposals(id);
  const names = Object.fromEntries(STATES.map((s) => [s, s]));
  if (label === 'sqlite') {
    const core = await measure(RUNS, () => toPlainText(renderDocument({ title: 't', revision: 0, view: 'compilation', provisions: draft, proposals, names })));
    rows.push(`| core (pure) | render the compilation text to plain text | ${core.median.toFixed(1)} | ${core.p99.toFixed(1)} |`);
  }
  // Over a real loopback connection, as a browser fetches it (body read in full).
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const fetchAll = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return body.byteLength;
  };
  const size = await fetchAll(`/api/negotiations/${id}`);
  const getOne = await measure(RUNS, () => fetchAll(`/api/negotiations/${id}`));
  rows.push(`| ${label} | \`GET /api/negotiations/{id}\` (${(size / 1e6).toFixed(1)} MB of JSON) | ${getOne.median.toFixed(1)} | ${getOne.p99.toFixed(1)} |`);
  const text = await measure(RUNS, () => fetchAll(`/api/negotiations/${id}/text?view=compilation&format=text`));
  rows.push(`| ${label} | \`GET /api/negotiations/{id}/text?view=compilation&format=text\` | ${text.median.toFixed(1)} | ${text.p99.toFixed(1)} |`);
  await app.close();
  await store.close();
}
console.log(`## Negotiation: ${PROVISIONS} provisions, ${PROPOSALS} open proposals\n\nMachine: ${machine()}; ${RUNS} runs each\n`);
console.log('| where | what | median ms | p99 ms |\n|---|---|---|---|');
console.log(rows.join('\n'));
