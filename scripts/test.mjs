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

const report = path.join(outDir, 'vitest.json');
fs.rmSync(report, { force: true });
process.stdout.write('\n── tests: core, store (SQLite + PostgreSQL), http, e2e (Chromium) ──\n');
const extra = process.argv.slice(2);
const projects = built ? [] : ['--project', 'core', '--project', 'store', '--project', 'http'];
spawnSync(bin('vitest'), ['run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numFailedTestSuites ?? 0);
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  if (r.numTotalTests === 0) failed++;
} else {
  process.stdout.write('✘ the test run produced no report\n');
  failed++;
}

process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed === 0 ? 0 : 1);
