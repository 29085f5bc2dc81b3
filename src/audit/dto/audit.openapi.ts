/**
 * JSON Schemas of the audit trail's answers (audit-entry.view.ts, audit.service.ts, audit-chain.ts),
 * named for generated clients; the e2e specs check real answers against them.
 */
import { namedSchema } from '../../common/validation/openapi';
import { anyJson, count, dateTime, everyValueOf, nullableText, objectOf, pageSchema, text } from '../../common/validation/openapi-shapes';
import type { BreakReason } from '../audit-chain';
import { AUDIT_OUTCOMES } from '../audit.types';

const hash = { type: 'string', description: 'SHA-256, hex' };
const seq = { type: 'string', pattern: '^[0-9]+$', description: 'Position in the chain; a string because it is a 64-bit integer' };

export const AUDIT_ENTRY = namedSchema(
  'AuditEntry',
  objectOf({
    seq,
    at: dateTime,
    principal: { type: 'string', description: 'Principal id; `anonymous` outside a request' },
    action: { type: 'string', description: '`<subject>.<verb>`, e.g. `data-product.update`' },
    subject: objectOf({ type: { type: 'string', description: 'e.g. DataProduct' }, id: { ...nullableText, description: 'e.g. a product name; null for a subject type as a whole' } }),
    outcome: { type: 'string', enum: AUDIT_OUTCOMES },
    requestId: nullableText,
    policyVersion: nullableText,
    before: anyJson('The subject before the change (secrets redacted); null when there was none'),
    after: anyJson('The subject after the change (secrets redacted); null when there is none'),
    details: anyJson('Whatever else the action recorded; null when nothing'),
    hash: { ...hash, description: 'SHA-256 (hex) over every other field and prevHash' },
    prevHash: { ...hash, description: 'The hash of the entry before (a fixed genesis value for the first)' },
  }),
);

export const AUDIT_ENTRY_PAGE = pageSchema('AuditEntryPage', AUDIT_ENTRY);

const BREAK_REASONS = everyValueOf<BreakReason>()(['altered', 'removed', 'inserted']);

export const AUDIT_CHAIN_BREAK = namedSchema(
  'AuditChainBreak',
  objectOf({
    seq: { ...seq, description: 'The altered or inserted entry, or the first missing seq of a removal' },
    reason: { type: 'string', enum: BREAK_REASONS },
    detail: text,
    expected: { ...hash, description: 'altered: the stored hash; removed and inserted: the hash of the entry before' },
    actual: { ...hash, description: 'altered: the hash of the content as stored now; removed and inserted: the entry’s prevHash' },
  }),
);

export const AUDIT_VERIFY_REPORT = namedSchema('AuditVerifyReport', {
  description: 'The chain recomputed from the first entry: valid with its head, or the first break',
  oneOf: [
    objectOf({
      valid: { const: true },
      entries: { ...count, description: 'Entries verified' },
      head: { ...hash, description: 'Hash of the newest entry (the genesis value for an empty trail); record it elsewhere to detect truncation' },
    }),
    objectOf({ valid: { const: false }, entries: { ...count, description: 'Entries read, the broken one included' }, firstInvalid: AUDIT_CHAIN_BREAK }),
  ],
});
