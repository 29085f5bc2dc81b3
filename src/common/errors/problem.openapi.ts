import type { OpenAPIObject } from '@nestjs/swagger';
import { describeCode, ErrorCode } from './error-code';
import { PROBLEM_CONTENT_TYPE } from './problem';

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

/** The JSON Schema of every error body (see problem.ts). */
const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details; `code` is stable and meant for programs, `detail` for people.',
  properties: {
    type: { type: 'string', description: '`urn:gatehouse:problem:<code>`' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', enum: Object.values(ErrorCode) },
    errors: {
      type: 'array',
      description: 'One entry per invalid field: a dotted path (`spec.sla.freshness`), `query.<name>`, a path parameter by name, or a JSON path (`$[3].run.runId`) for lineage events',
      items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } }, required: ['field', 'message'] },
    },
    requestId: { type: 'string', description: 'Also in the x-request-id header; names the request in the logs' },
    reason: { type: 'string', description: '403: why the policy (or a workflow rule) refused' },
    rule: {
      description: '403: the policy rule that decided, as it is named in the policy files (null: no rule allows it, or a workflow rule refused)',
      oneOf: [{ type: 'null' }, { type: 'object', properties: { role: { type: 'string' }, file: { type: 'string' }, path: { type: 'string' } }, required: ['role', 'file', 'path'] }],
    },
    policyVersion: { type: 'string', description: '403: the version of the policy set that decided' },
    field: { type: 'string', description: '403: the manifest field the policy refused to let the caller change (`classification`, `owner` …)' },
    currentEtag: { type: 'string', description: '412: the ETag the resource has now' },
    allowed: { type: 'array', items: { type: 'string' }, description: '405: the methods the path answers (also in Allow)' },
  },
  required: ['type', 'title', 'status', 'detail', 'code'],
};

type Operation = { parameters?: { in?: string }[]; requestBody?: unknown; security?: unknown[]; responses?: Record<string, unknown> };

const response = (description: string) => ({ description, content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_REF } } });
const titled = (code: ErrorCode) => response(describeCode(code).title);

/**
 * Documents the problem+json errors of every operation, so that a generated client knows their
 * shape: the ones its shape implies (400 for input, 401 and 403 behind a token, 404 for a path
 * naming something, 413 and 415 for a body), and `default` for the rest (409, 412, 503…). What an
 * operation documents itself is kept.
 */
export function documentProblems(document: OpenAPIObject): void {
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, Problem: PROBLEM_SCHEMA as never };
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item as Record<string, Operation>)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const params = operation.parameters ?? [];
      const errors: Record<string, unknown> = {};
      if (params.length || operation.requestBody) errors['400'] = titled(ErrorCode.VALIDATION_FAILED);
      if (operation.security?.length) {
        errors['401'] = titled(ErrorCode.UNAUTHORIZED);
        errors['403'] = titled(ErrorCode.FORBIDDEN);
      }
      if (params.some((p) => p.in === 'path')) errors['404'] = titled(ErrorCode.NOT_FOUND);
      if (operation.requestBody) {
        errors['413'] = titled(ErrorCode.PAYLOAD_TOO_LARGE);
        errors['415'] = titled(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
      }
      errors.default = response('Any other error');
      operation.responses = { ...errors, ...operation.responses };
    }
  }
}
