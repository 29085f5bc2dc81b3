import 'reflect-metadata';
import { createApp } from './app.factory';
import { createRootLogger } from './common/logging/logger';
import { ConfigError, GatehouseConfig, loadConfig } from './config/config';
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
  const logger = createRootLogger(config.logLevel);
  const app = await createApp(config, { logger });
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.getHttpServer().address() as { port: number };
  logger.info({ url: `http://${config.host}:${port}`, database: config.database.kind, environments: config.environments }, 'gatehouse listening');

  // SIGHUP reloads the policy folder; a bad set is logged and the active one stays.
  process.on('SIGHUP', () => {
    app
      .get(PolicyService)
      .reload()
      .catch(() => undefined);
  });

  // Closing the app stops accepting connections, lets in-flight requests finish, then runs the
  // shutdown hooks (the database closes last). The timer is a backstop for a stuck request.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      setTimeout(() => {
        logger.error('shutdown timed out; exiting');
        process.exit(1);
      }, config.shutdownTimeoutMs).unref();
      app.close().then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error) => {
  process.stderr.write(`gatehouse: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
