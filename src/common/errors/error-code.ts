/** Every domain error carries one of these codes; ProblemFilter maps each to an HTTP status. */
export enum ErrorCode {
  VALIDATION_FAILED = 'validation_failed',
  MALFORMED_BODY = 'malformed_body',
  MALFORMED_REQUEST = 'malformed_request',
  HEADERS_TOO_LARGE = 'headers_too_large',
  REQUEST_TIMEOUT = 'request_timeout',
  UNSUPPORTED_MEDIA_TYPE = 'unsupported_media_type',
  PAYLOAD_TOO_LARGE = 'payload_too_large',
  UNAUTHORIZED = 'unauthorized',
  FORBIDDEN = 'forbidden',
  NOT_FOUND = 'not_found',
  ROUTE_NOT_FOUND = 'route_not_found',
  METHOD_NOT_ALLOWED = 'method_not_allowed',
  ALREADY_EXISTS = 'already_exists',
  CONFLICT = 'conflict',
  PRODUCT_RETIRED = 'product_retired',
  PRECONDITION_FAILED = 'precondition_failed',
  POLICY_INVALID = 'policy_invalid',
  SERVICE_UNAVAILABLE = 'service_unavailable',
  ORCHESTRATOR_UNAVAILABLE = 'orchestrator_unavailable',
  ORCHESTRATOR_FAILED = 'orchestrator_failed',
  INTERNAL = 'internal_error',
}

interface CodeInfo {
  status: number;
  title: string;
}

export function describeCode(code: ErrorCode): CodeInfo {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
      return { status: 400, title: 'Validation failed' };
    case ErrorCode.MALFORMED_BODY:
      return { status: 400, title: 'Malformed request body' };
    case ErrorCode.MALFORMED_REQUEST:
      return { status: 400, title: 'Malformed request' };
    case ErrorCode.HEADERS_TOO_LARGE:
      return { status: 431, title: 'Request headers too large' };
    case ErrorCode.REQUEST_TIMEOUT:
      return { status: 408, title: 'Request timeout' };
    case ErrorCode.UNSUPPORTED_MEDIA_TYPE:
      return { status: 415, title: 'Unsupported media type' };
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return { status: 413, title: 'Payload too large' };
    case ErrorCode.UNAUTHORIZED:
      return { status: 401, title: 'Unauthorized' };
    case ErrorCode.FORBIDDEN:
      return { status: 403, title: 'Forbidden' };
    case ErrorCode.NOT_FOUND:
      return { status: 404, title: 'Not found' };
    case ErrorCode.ROUTE_NOT_FOUND:
      return { status: 404, title: 'No such route' };
    case ErrorCode.METHOD_NOT_ALLOWED:
      return { status: 405, title: 'Method not allowed' };
    case ErrorCode.ALREADY_EXISTS:
      return { status: 409, title: 'Already exists' };
    case ErrorCode.CONFLICT:
      return { status: 409, title: 'Conflict' };
    case ErrorCode.PRODUCT_RETIRED:
      return { status: 409, title: 'Data product is retired' };
    case ErrorCode.PRECONDITION_FAILED:
      return { status: 412, title: 'Precondition failed' };
    case ErrorCode.POLICY_INVALID:
      return { status: 422, title: 'Policy set is invalid' };
    case ErrorCode.SERVICE_UNAVAILABLE:
      return { status: 503, title: 'Service unavailable' };
    case ErrorCode.ORCHESTRATOR_UNAVAILABLE:
      return { status: 503, title: 'Orchestrator unavailable' };
    case ErrorCode.ORCHESTRATOR_FAILED:
      return { status: 502, title: 'Orchestrator refused or failed' };
    case ErrorCode.INTERNAL:
      return { status: 500, title: 'Internal server error' };
    default:
      return assertUnreachable(code);
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`Unhandled error code ${String(value)}`);
}
