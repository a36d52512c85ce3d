// `npm test`: type-check, lint, build the web app, then every test tier (core; store, use cases and CLI
// on SQLite and PostgreSQL; HTTP; browser in Chromium) in one Vitest run. Ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const outDir = path.join(root, '.test-output');
fs.mkdirSync(outDir, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, cmd, args) {
  process.stdout.write(`\n── ${name} ──\n`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  process.stdout.write(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  if (ok) passed++;
  else failed++;
  return ok;
}

step('type-check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('lint (including layer boundaries)', bin('eslint'), ['.']);
const built = step('build the web app', bin('vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);

const extra = process.argv.slice(2);

/** One Vitest run; its JSON report adds to the totals. */
function vitest(title, projects, reportName) {
  const report = path.join(outDir, reportName);
  fs.rmSync(report, { force: true });
  process.stdout.write(`\n── ${title} ──\n`);
  spawnSync(bin('vitest'), ['run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  if (!fs.existsSync(report)) {
    process.stdout.write(`✘ ${title}: the run produced no report\n`);
    failed++;
    return;
  }
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  // A file that fails to load has no failed test of its own; count it, so it cannot pass unseen.
  if (r.numFailedTests === 0 && r.numFailedTestSuites > 0) failed += r.numFailedTestSuites;
  if (r.numTotalTests === 0) failed++;
}

vitest('tests: core, store and use cases (SQLite + PostgreSQL), CLI, HTTP', ['core', 'store', 'http'], 'vitest-unit.json');
// The browser tests run on their own, after the rest, so they never compete for the two cores.
if (built) vitest('tests: browser (Chromium)', ['e2e'], 'vitest-e2e.json');
else failed++;

process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed === 0 ? 0 : 1);
