import type { Config } from './config';
import { openStore, type OpenStore } from './store';
import type { Context } from './usecases/context';

/** Open the configured database, migrated, as a use-case context. Shared by the server and the CLI. */
export async function openContext(config: Config): Promise<{ ctx: Context; store: OpenStore }> {
  const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  return { ctx: { store, clock: () => new Date(), publicUrl: config.publicUrl }, store };
}
