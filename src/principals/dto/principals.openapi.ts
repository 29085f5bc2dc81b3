/**
 * JSON Schemas of the answers about principals and their tokens (principal.types.ts here, and
 * src/auth: principal.ts for `GET /api/v1/me`, api-token.ts for the tokens), named for generated
 * clients; the e2e specs check real answers against them.
 */
import type { TokenStatus } from '../../auth/api-token';
import type { Principal } from '../../auth/principal';
import { namedSchema } from '../../common/validation/openapi';
import { dateTime, everyValueOf, nullableDateTime, nullableText, objectOf, pageSchema, text, texts } from '../../common/validation/openapi-shapes';
import type { PrincipalKind } from '../principal.types';
import { principalKind } from './principal.dto';

const STORED_KINDS = everyValueOf<PrincipalKind>()(principalKind.options);
const KINDS = everyValueOf<Principal['kind']>()([...STORED_KINDS, 'bootstrap']);

const principalId = { type: 'string', description: 'A lower-case slug (svc-airflow) or an e-mail address' };
const teams = { ...texts, description: 'Plain team slugs (`sales-data`); data products name their owner `team:<slug>`' };

/** Who a request is made by: a stored principal, a JWT's subject, or the bootstrap administrator. */
export const PRINCIPAL = namedSchema(
  'Principal',
  objectOf(
    {
      id: principalId,
      kind: { type: 'string', enum: KINDS, description: '`bootstrap` is the built-in administrator' },
      name: text,
      roles: texts,
      teams,
    },
    { description: 'Who a request is made by, as Gatehouse sees it: a stored principal, the subject of a JWT, or the built-in bootstrap administrator' },
  ),
);

/** A stored person or service account (PrincipalView). */
export const STORED_PRINCIPAL = namedSchema(
  'StoredPrincipal',
  objectOf(
    {
      id: principalId,
      name: text,
      kind: { type: 'string', enum: STORED_KINDS },
      teams,
      roles: texts,
      email: nullableText,
      disabled: { type: 'boolean', description: 'A disabled principal’s tokens and JWTs are refused' },
      disabledAt: { ...nullableDateTime, description: 'Null while enabled' },
      createdAt: dateTime,
      createdBy: { type: 'string', description: 'Principal id' },
      updatedAt: dateTime,
    },
    { description: 'A stored person or service account' },
  ),
);

export const STORED_PRINCIPAL_PAGE = pageSchema('StoredPrincipalPage', STORED_PRINCIPAL);

const TOKEN_STATUSES = everyValueOf<TokenStatus>()(['active', 'expired', 'revoked']);

export const API_TOKEN = namedSchema(
  'ApiToken',
  objectOf(
    {
      id: { type: 'string', description: '`tok_…` (`bootstrap-admin` for the generated bootstrap token)' },
      principal: { ...principalId, description: 'The principal the token authenticates as' },
      description: nullableText,
      status: { type: 'string', enum: TOKEN_STATUSES, description: 'Revocation wins over expiry' },
      createdAt: dateTime,
      createdBy: { ...nullableText, description: 'Principal id of the issuer; null for the generated bootstrap token' },
      expiresAt: { ...nullableDateTime, description: 'Null: never expires' },
      revokedAt: nullableDateTime,
      revokedBy: { ...nullableText, description: 'Principal id' },
      lastUsedAt: { ...nullableDateTime, description: 'Updated at most once a minute' },
    },
    { description: 'An API token, without its secret' },
  ),
);

export const ISSUED_API_TOKEN = namedSchema('IssuedApiToken', {
  description: 'A token just issued, with its secret: the only answer that ever shows it',
  allOf: [API_TOKEN, objectOf({ token: { type: 'string', pattern: '^ghs_', description: 'The bearer secret (`ghs_…`); Gatehouse keeps only its SHA-256' } })],
});

export const API_TOKEN_PAGE = pageSchema('ApiTokenPage', API_TOKEN);
