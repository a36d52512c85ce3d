import type { Config } from './config';
import { openStore, type OpenStore } from './store';
import type { Context } from './usecases/context';
import { seedSampleForum } from './usecases/seed-sample-forum';

/**
 * Open the configured database, migrated, as a use-case context; a new database gets the sample
 * forum, so the server and the CLI see the same forum whichever runs first.
 */
export async function openContext(config: Config): Promise<{ ctx: Context; store: OpenStore; seeded: boolean }> {
  const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  const ctx: Context = { store, clock: () => new Date(), publicUrl: config.publicUrl, reminderLeadMs: config.reminderHours * 3_600_000 };
  const seeded = await seedSampleForum(ctx);
  return { ctx, store, seeded };
}
