import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { ErrorCode } from '../errors/error-code';
import { PROBLEM_CONTENT_TYPE, problemFor } from '../errors/problem';

/**
 * Answers what Node's HTTP parser refuses before a request exists (a request line or headers over
 * Node's 16 KiB limit, a request that cannot be parsed, one that took too long to arrive) with
 * problem+json like every other error, instead of Fastify's own JSON. There is no request yet, so
 * no request id; the connection is closed afterwards, as the parser cannot go on reading it.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [ErrorCode.HEADERS_TOO_LARGE, 'The request line and headers together exceed the 16 KiB the server reads; send long values in a request body.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [ErrorCode.REQUEST_TIMEOUT, 'The request did not arrive in time.']
        : [ErrorCode.MALFORMED_REQUEST, 'The request is not valid HTTP/1.1.'];
  const problem = problemFor(code, detail, undefined);
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
