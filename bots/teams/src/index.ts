import { loadConfig } from './config';
import { errorKind, jsonLogger } from './logger';
import { serve } from './serve';
import { isPrimaryOf, runPrimary } from './workers';

// Composition root: read the configuration, then either supervise workers or answer turns here.
const logger = jsonLogger();
const loaded = loadConfig(process.env);
if (!loaded.ok) {
  process.stderr.write(`kvdoctor-teams: the configuration is not valid:\n${loaded.errors.map((e) => `  - ${e}\n`).join('')}See bots/teams/env.TEMPLATE.\n`);
  process.exit(2);
}
process.on('unhandledRejection', (reason) => logger.error('process.unhandled-rejection', { kind: errorKind(reason) }));
if (isPrimaryOf(loaded.config.workers)) runPrimary(loaded.config.workers, logger);
else serve(loaded.config, logger);
