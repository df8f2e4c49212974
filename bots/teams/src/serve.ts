import { azureRanges } from '@kvdoctor/azure-ranges';
import { createActivityEndpoint, createAdapter } from './adapter';
import { createDownloader } from './attachments';
import { KvdoctorBot } from './bot';
import type { Config } from './config';
import { createLiveChecker } from './live-checker';
import type { Logger } from './logger';
import { quietConsole } from './quiet-console';
import { createServer } from './server';
import { processStore } from './workers';

/** One process answering turns: adapter, bot and restify, listening, stopping cleanly on SIGTERM. */
export function serve(config: Config, logger: Logger): void {
  quietConsole(logger);
  const bot = new KvdoctorBot({
    limits: config.limits,
    allowedTenants: config.allowedTenants,
    download: createDownloader({ allowHttp: config.auth.mode === 'anonymous' }),
    liveCheck: createLiveChecker(config),
    serviceTags: azureRanges(),
    storage: processStore(),
    logger,
    now: () => new Date(),
  });
  const adapter = createAdapter(config.auth, logger);
  const server = createServer({ host: config.host, port: config.port, maxBodyBytes: config.maxBodyBytes, endpoint: createActivityEndpoint(adapter, bot, logger), logger });
  server.listen().then(
    (address) => logger.info('server.listening', { host: address.address, port: address.port, mode: config.auth.mode, liveCheck: config.liveCheckSubscriptions.length > 0 }),
    (err: unknown) => {
      logger.error('server.listen-failed', { kind: err instanceof Error ? err.message : typeof err });
      process.exit(1);
    },
  );
  process.once('SIGTERM', () => {
    logger.info('server.draining');
    void server.close(10_000).then(() => process.exit(0));
  });
}
