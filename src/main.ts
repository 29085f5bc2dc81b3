import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from './app.factory';
import { createRootLogger, standardLogOutput } from './common/logging/logger';
import { ConfigError, GatehouseConfig, loadConfig } from './config/config';
import { consoleDistDir } from './database/project-paths';
import { PolicyService } from './policy/policy.service';

async function main(): Promise<void> {
  let config: GatehouseConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`gatehouse: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  // A write error on stderr (its reader gone) must not become an uncaught exception.
  process.stderr.on('error', () => undefined);
  const logOutput = standardLogOutput();
  const logger = createRootLogger(config.logLevel, logOutput);
  // The generated token (first start only) goes into the banner, printed once listening.
  let secret: string | undefined;
  const app = await createApp(config, { logger, logOutput, printSecret: (text) => (secret = text) });
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.getHttpServer().address() as { port: number };
  logger.info({ url: `http://${config.host}:${port}`, database: config.database.kind, environments: config.environments }, 'gatehouse listening');
  process.stdout.write(banner(`http://${browsableHost(config.host)}:${port}`, existsSync(join(consoleDistDir(), 'index.html')), secret));

  // SIGHUP reloads the policy folder; a bad set is logged and the active one stays.
  process.on('SIGHUP', () => {
    app
      .get(PolicyService)
      .reload()
      .catch(() => undefined);
  });

  // Closing the app stops accepting connections, lets in-flight requests finish, then runs the
  // shutdown hooks (the database closes last). The timer is a backstop for a stuck request; logging
  // never blocks the event loop, so it always fires. Exit codes: 0 stopped cleanly, 1 shutdown
  // failed or timed out (2 is a bad configuration, above).
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      const deadline = Date.now() + config.shutdownTimeoutMs;
      logger.info({ signal }, 'shutting down');
      const backstop = setTimeout(() => {
        logger.error('shutdown timed out; exiting');
        process.exit(1);
      }, config.shutdownTimeoutMs);
      backstop.unref();
      // Once closed, what is still queued for the log reader gets the rest of the budget.
      const exit = (code: number) => {
        clearTimeout(backstop);
        return logOutput.flush(Math.max(0, deadline - Date.now())).then(() => process.exit(code));
      };
      app.close().then(
        () => {
          logger.info('stopped');
          return exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          return exit(1);
        },
      );
    });
  }
}

/** What a person starting Gatehouse needs: where the console and the API docs are, and the token. */
function banner(base: string, consoleBuilt: boolean, secret: string | undefined): string {
  const lines = [
    '',
    '  Gatehouse is running.',
    `    Console    ${consoleBuilt ? `${base}/` : 'not built (run npm run build)'}`,
    `    API docs   ${base}/docs`,
    '',
    ...(secret ? [secret, ''] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** A wildcard listen address is not one a browser can open. */
function browsableHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
}

main().catch((error) => {
  process.stderr.write(`gatehouse: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
