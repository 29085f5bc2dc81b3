/** JSON Schemas of the health endpoints' answers (health.controller.ts, database-health.service.ts). */
import type { DatabaseReadiness } from '../../database/database-health.service';
import { namedSchema } from '../../common/validation/openapi';
import { count, everyValueOf, objectOf, texts } from '../../common/validation/openapi-shapes';

export const HEALTH = namedSchema('Health', objectOf({ status: { const: 'ok' } }, { description: 'The process is up and serving HTTP' }));

const BACKENDS = everyValueOf<DatabaseReadiness['backend']>()(['embedded', 'postgres']);

export const READINESS = namedSchema(
  'Readiness',
  objectOf(
    {
      status: { type: 'string', enum: ['ready', 'unready'] },
      database: objectOf(
        {
          reachable: { type: 'boolean' },
          backend: { type: 'string', enum: BACKENDS },
          migrations: objectOf({
            expected: { ...count, description: 'Migrations shipped with this build' },
            applied: { ...count, description: 'Migrations the database records as applied' },
            pending: { ...texts, description: 'Shipped migrations not applied yet (all of them while the database is unreachable)' },
          }),
          error: { type: 'string', description: 'Why the database could not be reached' },
        },
        { optional: ['error'] },
      ),
    },
    { description: '`ready` (200) when the database answers and every migration is applied, else `unready` (503)' },
  ),
);
