import pg from 'pg';

const CHANNEL = 'concord_events';

/**
 * LISTEN/NOTIFY between Concord instances sharing one PostgreSQL database: no broker to run.
 * One dedicated connection listens; it reconnects if the database restarts.
 */
export function postgresRelay(connectionString: string, onError: (err: unknown) => void = () => {}) {
  const handlers: Array<(message: string) => void> = [];
  const pool = new pg.Pool({ connectionString, max: 2 });
  let listener: pg.Client | null = null;
  let closed = false;

  async function connect(): Promise<void> {
    const client = new pg.Client({ connectionString });
    client.on('notification', (msg) => {
      if (msg.channel === CHANNEL && msg.payload) for (const h of handlers) h(msg.payload);
    });
    client.on('error', (err) => {
      onError(err);
      listener = null;
      if (!closed) setTimeout(() => connect().catch(onError), 1000).unref();
    });
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    listener = client;
  }

  return {
    ready: connect(),
    async notify(message: string) {
      await pool.query('select pg_notify($1, $2)', [CHANNEL, message]);
    },
    onMessage(handler: (message: string) => void) {
      handlers.push(handler);
    },
    async close() {
      closed = true;
      await listener?.end().catch(() => {});
      await pool.end();
    },
  };
}
