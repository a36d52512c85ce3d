import type { Migration } from 'kysely';
import * as m001 from './001-foundation';
import * as m002 from './002-negotiations';
import * as m003 from './003-decisions';

/** Every migration, in order. Names never change once released. */
export const migrations: Record<string, Migration> = {
  '001-foundation': m001,
  '002-negotiations': m002,
  '003-decisions': m003,
};
