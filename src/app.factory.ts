import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController, type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AppModule, AppOptions } from './app.module';
import { registerBodyParsers } from './common/http/body-parsers';
import { answerClientError } from './common/http/client-error';
import { ProblemFilter, sendProblem } from './common/errors/problem.filter';
import { createRootLogger, PinoNestLogger, requestContext, standardLogOutput } from './common/logging/logger';
import type { LogOutput } from './common/logging/log-output';
import type { GatehouseConfig } from './config/config';
import { registerConsole } from './console/console-routes';
import { loadConsoleSite } from './console/console-site';
import { consoleDistDir } from './database/project-paths';
import { MetricsService } from './metrics/metrics.service';
import { setupOpenApi } from './openapi';

export interface CreateAppOptions extends AppOptions {
  logger?: Logger;
  /** Where `logger` writes, for the count of dropped lines in /metrics (stdout's by default). */
  logOutput?: LogOutput;
}

/** Accept a caller's request id only when it is short and plain; otherwise mint one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the configured application (not yet listening); used by main.ts and the tests. */
export async function createApp(config: GatehouseConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const logOutput = options.logOutput ?? standardLogOutput();
  const logger = options.logger ?? createRootLogger(config.logLevel, logOutput);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    // A URL Fastify cannot route (bad percent-encoding, an over-long path segment) gets
    // problem+json like every other error, not Fastify's own JSON; these bypass Nest's filter, so
    // a server-side one is logged here as the filter would.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const problem = new ProblemFilter().toProblem(error, request.id);
      if (problem.status >= 500) request.log.error({ err: error, requestId: request.id }, 'request failed');
      sendProblem(reply, problem);
    },
    // What Node's HTTP parser refuses before Fastify sees a request (headers over the limit, …).
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, {
    logger: new PinoNestLogger(logger.child({ component: 'nest' })),
    bufferLogs: false,
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  registerBodyParsers(fastify);

  const metrics = app.get(MetricsService);
  metrics.countDroppedLogLines(logOutput);
  // Responses sent while shutting down close their connection; otherwise an idle keep-alive
  // socket would hold the server open until the client's keep-alive timeout.
  let closing = false;
  // Entered before guards run, so authentication, auditing and logging all see the same context.
  fastify.addHook('onRequest', async (request: FastifyRequest) => {
    requestContext.enterWith({ requestId: request.id });
  });
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });
  fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    metrics.observeRequest(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });

  const consoleDir = options.consoleDir ?? consoleDistDir();
  const site = loadConsoleSite(consoleDir);
  if (site) registerConsole(fastify, site, config.oidc?.consoleClientId ? [new URL(config.oidc.issuer).origin] : []);
  else logger.warn({ directory: consoleDir }, 'the web console is not built (npm run build); only the API is served');

  setupOpenApi(app);
  await app.init();
  return app;
}
