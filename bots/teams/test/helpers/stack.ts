import { createActivityEndpoint, createAdapter, type AuthOverrides } from '../../src/adapter';
import { KvdoctorBot, type BotDeps } from '../../src/bot';
import type { AuthConfig } from '../../src/config';
import { memoryLogger } from '../../src/logger';
import { createServer } from '../../src/server';
import { testDeps } from './harness';

export interface StackOptions {
  readonly auth?: AuthConfig;
  readonly overrides?: AuthOverrides;
  readonly deps?: Partial<BotDeps>;
  readonly maxBodyBytes?: number;
}

/** The whole bot as `pnpm start` wires it (adapter, restify, real HTTP) on 127.0.0.1:0. */
export async function startStack(options: StackOptions = {}) {
  const logger = memoryLogger();
  const bot = new KvdoctorBot(testDeps(logger, options.deps));
  const adapter = createAdapter(options.auth ?? { mode: 'anonymous' }, logger, options.overrides);
  const server = createServer({ host: '127.0.0.1', port: 0, maxBodyBytes: options.maxBodyBytes ?? 256 * 1024, endpoint: createActivityEndpoint(adapter, bot, logger), logger });
  const address = await server.listen();
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    address,
    logger,
    server,
    post: (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    close: () => server.close(1000),
  };
}
