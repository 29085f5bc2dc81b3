import { ErrorCode } from './error-code';

/** One problem with one input field; `field` is a dotted path such as `spec.sla.freshness`. */
export interface FieldError {
  field: string;
  message: string;
}

/** An expected failure of a use case. Carries a code, never an HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(errors: FieldError[], message = 'The request has invalid fields.'): DomainError {
    return new DomainError(ErrorCode.VALIDATION_FAILED, message, errors);
  }

  static notFound(message: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, message);
  }
}
