import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openContext } from '../compose';
import { FUNCTIONS, ROLES, type DelegationFunction, type Role } from '../core/policy';
import { issueApiToken } from '../usecases/api-tokens';
import { verifyAuditLog } from '../usecases/audit-log';
import { createUser } from '../usecases/create-user';
import { AppError } from '../usecases/errors';
import { seedSampleForum } from '../usecases/seed-sample-forum';

/** Output goes through these so tests can capture it. */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  stdin: () => Promise<string>;
}

const defaultIo: Io = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

const ENV_HELP = `Environment: DATABASE_URL (postgres://…; unset = SQLite), CONCORD_DATA_DIR (default ./data), CONCORD_PUBLIC_URL, LOG_LEVEL.`;

const HELP: Record<string, string> = {
  main: `Usage: concord <command> [options]

Commands:
  serve                 start the web server and worker (same as npm start, without building the web app)
  migrate               bring the database schema up to date
  seed                  load the CICA sample forum into an empty database
  user create           create an account
  token create          issue a personal API token for a user
  audit verify          verify the audit log's hash chain

Run "concord <command> --help" for a command's options.
${ENV_HELP}`,
  serve: `Usage: concord serve\n\nStart Concord with the roles in CONCORD_ROLES (web,worker). PORT and HOST choose where it listens.\n${ENV_HELP}`,
  migrate: `Usage: concord migrate\n\nApply every pending migration to the configured database. Safe to run repeatedly.\n${ENV_HELP}`,
  seed: `Usage: concord seed\n\nLoad the CICA sample forum (participants, bodies, chairs, meetings, observances) into a database that has no forum yet.\n${ENV_HELP}`,
  'user create': `Usage: concord user create --email E --name N --role admin|secretariat|delegate
                          [--participant CODE] [--function head|delegate|cbm_contact]…
                          (--password P | --password-stdin)

Create an account with a password. Delegates need --participant (e.g. KAZ) and may have
several --function flags. --password-stdin reads the password from standard input.
${ENV_HELP}`,
  'token create': `Usage: concord token create --email E [--label L]\n\nIssue a personal API token for the user with that e-mail. The token is the last word printed.\n${ENV_HELP}`,
  'audit verify': `Usage: concord audit verify\n\nCheck the audit log's hash chain. Exits 0 when intact; otherwise prints the first bad entry and exits 1.\n${ENV_HELP}`,
};

export async function main(argv: string[], io: Io = defaultIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [first, second] = argv;
  const command = first === 'user' || first === 'token' || first === 'audit' ? `${first} ${second ?? ''}`.trim() : (first ?? '');
  const rest = argv.slice(command.split(' ').length);
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP.main!);
    return command ? 0 : 2;
  }
  if (!(command in HELP) || command === 'main') {
    io.err(`Unknown command "${argv.join(' ')}".\n\n${HELP.main}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(HELP[command]!);
    return 0;
  }
  try {
    return await run(command, rest, io, env);
  } catch (err) {
    if (err instanceof AppError) {
      io.err(`concord ${command}: ${err.message}`);
      return 1;
    }
    if (err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`concord ${command}: ${err.message}\n\n${HELP[command]}`);
      return 2;
    }
    io.err(`concord ${command}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

async function run(command: string, args: string[], io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  const config = loadConfig(env);
  if (command === 'serve') {
    const { startConcord } = await import('../main');
    await startConcord(config);
    return await new Promise<number>(() => {});
  }
  // Check the options before touching the database, so a typo never creates one.
  const parsed = parseOptions(command, args, io);
  if (parsed === null) return 2;
  const { ctx, store, seeded } = await openContext(config);
  if (seeded && command !== 'seed') io.err('This was a new database: the CICA sample forum was loaded into it.');
  try {
    switch (command) {
      case 'migrate':
        io.out(`Database is up to date (${store.dialect}).`);
        return 0;
      case 'seed': {
        const loaded = seeded || (await seedSampleForum(ctx));
        io.out(loaded ? 'Loaded the CICA sample forum.' : 'A forum is already set up; nothing was changed.');
        return 0;
      }
      case 'user create': {
        const values = parsed as unknown as UserCreateOptions;
        const password = values.password ?? (await io.stdin()).replace(/\r?\n$/, '');
        const user = await createUser(
          ctx,
          null,
          {
            email: values.email!,
            name: values.name!,
            role: values.role as Role,
            participant: values.participant ?? null,
            functions: (values.function ?? []) as DelegationFunction[],
            password,
          },
          'cli',
        );
        io.out(`Created ${user.role} ${user.email} (id ${user.id}${user.participant ? `, ${user.participant}: ${user.functions.join(', ')}` : ''}).`);
        return 0;
      }
      case 'token create': {
        const values = parsed as unknown as { email: string; label?: string };
        const user = await ctx.store.read.users.byEmail(values.email);
        if (!user) {
          io.err(`concord token create: no account has the e-mail ${values.email}.`);
          return 1;
        }
        const issued = await issueApiToken(ctx, null, { userId: user.id, label: values.label ?? 'CLI token' }, 'cli');
        io.out(`API token for ${user.email} (id ${issued.id}); it is shown only once:`);
        io.out(issued.token);
        return 0;
      }
      case 'audit verify': {
        const verdict = await verifyAuditLog(ctx);
        if (verdict.ok) {
          io.out(`Audit log intact: ${verdict.entries} entries, last hash ${verdict.lastHash}.`);
          return 0;
        }
        io.err(`Audit log BROKEN at entry ${verdict.firstBadSeq}: ${verdict.problem}.`);
        return 1;
      }
    }
    return 2;
  } finally {
    await store.close();
  }
}

interface UserCreateOptions {
  email: string;
  name: string;
  role: string;
  participant?: string;
  function?: string[];
  password?: string;
}

function parseOptions(command: string, args: string[], io: Io): Record<string, unknown> | null {
  if (command === 'token create') {
    const { values } = parseArgs({ args, options: { email: { type: 'string' }, label: { type: 'string' } }, strict: true });
    if (!values.email) {
      io.err(`concord token create: missing --email.\n\n${HELP['token create']}`);
      return null;
    }
    return values;
  }
  if (command !== 'user create') {
    parseArgs({ args, options: {}, strict: true });
    return {};
  }
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      participant: { type: 'string' },
      function: { type: 'string', multiple: true },
      password: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
    strict: true,
  });
  const missing = ['email', 'name', 'role'].filter((k) => !values[k as 'email']);
  if (missing.length) {
    io.err(`concord user create: missing ${missing.map((m) => `--${m}`).join(', ')}.\n\n${HELP['user create']}`);
    return null;
  }
  if (!ROLES.includes(values.role as Role)) {
    io.err(`concord user create: --role must be one of ${ROLES.join(', ')}.`);
    return null;
  }
  for (const f of values.function ?? []) {
    if (!FUNCTIONS.includes(f as DelegationFunction)) {
      io.err(`concord user create: --function must be one of ${FUNCTIONS.join(', ')}.`);
      return null;
    }
  }
  if (!values.password === !values['password-stdin']) {
    io.err('concord user create: give exactly one of --password P or --password-stdin.');
    return null;
  }
  return values;
}
