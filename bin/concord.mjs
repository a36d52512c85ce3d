#!/usr/bin/env node
// The `concord` command. It runs the TypeScript sources through tsx, so it works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
