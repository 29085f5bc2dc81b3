import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { allowedMethods } from '../http/allowed-methods';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';
import { Problem, PROBLEM_CONTENT_TYPE, problemFor } from './problem';

/** Maps every error that reaches the HTTP edge to an RFC 9457 problem+json response. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    // A request no route answers is about its method or path, whatever else failed on the way.
    const allowed = request ? allowedMethods(request) : [];
    if (allowed.length) {
      void reply.header('allow', allowed.join(', '));
      sendProblem(reply, problemFor(ErrorCode.METHOD_NOT_ALLOWED, `${request.method} is not allowed at this path; it answers ${allowed.join(', ')}.`, request.id, [], { allowed }));
      return;
    }
    const problem = this.toProblem(error, request?.id);
    if (problem.status >= 500) {
      this.logger.error({ err: error, requestId: request?.id }, 'request failed');
    }
    sendProblem(reply, problem);
  }

  toProblem(error: unknown, requestId: string | undefined): Problem {
    if (error instanceof DomainError) {
      return problemFor(error.code, error.message, requestId, error.errors, error.extensions);
    }
    if (error instanceof HttpException) {
      return fromHttpException(error, requestId);
    }
    const transport = fromTransportError(error, requestId);
    if (transport) return transport;
    return problemFor(ErrorCode.INTERNAL, 'An unexpected error occurred; the request id identifies it in the logs.', requestId);
  }
}

export function sendProblem(reply: FastifyReply, problem: Problem): void {
  if (problem.status === 401) reply.header('www-authenticate', 'Bearer realm="gatehouse"');
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

function fromHttpException(error: HttpException, requestId: string | undefined): Problem {
  const status = error.getStatus();
  const code =
    status === 404
      ? ErrorCode.ROUTE_NOT_FOUND
      : status === 405
        ? ErrorCode.METHOD_NOT_ALLOWED
        : status === 401
          ? ErrorCode.UNAUTHORIZED
          : status === 403
            ? ErrorCode.FORBIDDEN
            : status === 413
              ? ErrorCode.PAYLOAD_TOO_LARGE
              : status === 415
                ? ErrorCode.UNSUPPORTED_MEDIA_TYPE
                : status < 500
                  ? ErrorCode.MALFORMED_BODY
                  : ErrorCode.INTERNAL;
  const detail = status === 404 ? 'No route matches this method and path.' : error.message;
  return problemFor(code, detail, requestId);
}

/** Errors raised by Fastify itself while reading the request (body parsing, limits). */
function fromTransportError(error: unknown, requestId: string | undefined): Problem | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, statusCode, message } = error as { code?: string; statusCode?: number; message?: string };
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || statusCode === 413) {
    return problemFor(ErrorCode.PAYLOAD_TOO_LARGE, 'The request body is larger than the configured limit (GATEHOUSE_BODY_LIMIT).', requestId);
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || statusCode === 415) {
    // A 415 of Gatehouse's own (an unsupported Content-Encoding) says what it refused.
    const detail = code === undefined && message ? message : 'Send application/json or application/yaml.';
    return problemFor(ErrorCode.UNSUPPORTED_MEDIA_TYPE, detail, requestId);
  }
  // Raised before routing, through the adapter's frameworkErrors (see app.factory.ts).
  if (code === 'FST_ERR_BAD_URL') {
    return problemFor(ErrorCode.VALIDATION_FAILED, 'The request URL is not valid.', requestId, [{ field: 'url', message: 'must be valid percent-encoded UTF-8' }]);
  }
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return problemFor(ErrorCode.VALIDATION_FAILED, 'The request URL is not valid.', requestId, [{ field: 'url', message: 'has a path segment longer than 100 characters' }]);
  }
  if (
    code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH' ||
    error instanceof SyntaxError
  ) {
    return problemFor(ErrorCode.MALFORMED_BODY, `The request body could not be parsed: ${message ?? 'invalid syntax'}`, requestId);
  }
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return problemFor(statusCode === 404 ? ErrorCode.ROUTE_NOT_FOUND : ErrorCode.MALFORMED_BODY, message ?? 'Bad request', requestId);
  }
  return undefined;
}
