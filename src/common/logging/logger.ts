import { AsyncLocalStorage } from 'node:async_hooks';
import type { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import type { Principal } from '../../auth/principal';
import { LogOutput } from './log-output';

/** What code running for a request may need without having the request: its id and who made it. */
export interface RequestContext {
  requestId: string;
  /** Set by the authentication guard once the caller is known. */
  principal?: Principal;
  /** Set by the policy guard: the version of the policies that allowed the request. */
  policyVersion?: string;
}

/** The request a piece of code runs for; every log line written inside it carries its id. */
export const requestContext = new AsyncLocalStorage<RequestContext>();

/** Paths that may hold secrets anywhere in a logged object; pino replaces their values. */
const REDACT = [
  'authorization',
  'token',
  'password',
  'secret',
  '*.authorization',
  '*.token',
  '*.password',
  '*.secret',
  'req.headers.authorization',
  'headers.authorization',
];

let stdoutOutput: LogOutput | undefined;

/** The process's standard output as a log output; one per process, as stdout is. */
export function standardLogOutput(): LogOutput {
  stdoutOutput ??= new LogOutput(process.stdout);
  return stdoutOutput;
}

export function createRootLogger(level: pino.LevelWithSilent, destination: pino.DestinationStream = standardLogOutput()): Logger {
  return pino(
    {
      level,
      base: { service: 'gatehouse' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: '[redacted]' },
      mixin() {
        const ctx = requestContext.getStore();
        return ctx ? { requestId: ctx.requestId } : {};
      },
    },
    destination,
  );
}

/** Nest's start-up chatter (a line per module and per route): debug, so a start shows what matters. */
const NEST_BOOT_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** Routes Nest's own logging (and `new Logger(ctx)` in our code) into pino as JSON. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]) {
    const context = rest[rest.length - 1];
    this.write(typeof context === 'string' && NEST_BOOT_CONTEXTS.has(context) ? 'debug' : 'info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }

  private write(level: pino.Level, message: unknown, rest: unknown[]) {
    // Nest passes the context name last; an Error or plain object may come first.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    if (typeof message === 'object' && message !== null && !(message instanceof Error)) {
      const text = typeof rest[0] === 'string' && rest.length > 1 ? (rest[0] as string) : undefined;
      this.logger[level]({ context, ...(message as object) }, text);
    } else if (message instanceof Error) {
      this.logger[level]({ context, err: message }, message.message);
    } else {
      const stack = level === 'error' && typeof rest[0] === 'string' && rest.length > 1 ? rest[0] : undefined;
      this.logger[level]({ context, ...(stack ? { stack } : {}) }, String(message));
    }
  }
}
