import type { AddressInfo } from 'node:net';
import * as restify from 'restify';
import type { ActivityEndpoint } from './adapter';
import { refuseEncodedBodies } from './content-encoding';
import { errorKind, type Logger } from './logger';

export interface ServerOptions {
  readonly host: string;
  readonly port: number;
  /** Cap on a request body: restify's default is no limit at all. */
  readonly maxBodyBytes: number;
  readonly endpoint: ActivityEndpoint;
  readonly logger: Logger;
}

export interface BotServer {
  listen(): Promise<AddressInfo>;
  /** Stops taking requests, lets in-flight turns finish (up to `graceMs`), then closes. */
  close(graceMs: number): Promise<void>;
}

/** bodyReader leaves JSON and text as a string, other media types as a Buffer, and no body unset. */
function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  return Buffer.isBuffer(body) ? body.toString('utf8') : '';
}

/**
 * restify with two routes: the Bot Framework endpoint and a health probe. It binds to the
 * configured host (127.0.0.1 unless told otherwise: restify binds every interface by default).
 */
export function createServer(options: ServerOptions): BotServer {
  const server = restify.createServer({ name: 'kvdoctor-teams', handleUncaughtExceptions: false });
  let inFlight = 0;
  let draining = false;

  // Before routing, so no body is read, inflated or authenticated first.
  server.pre(refuseEncodedBodies);
  // The body is read with the size cap (restify's default is no limit) and left as text: the
  // endpoint checks the token before it parses anything, so an anonymous caller gets 401, not a
  // parse error that tells them how far they got.
  server.use(restify.plugins.bodyReader({ maxBodySize: options.maxBodyBytes }));

  server.get('/healthz', (_req, res, next) => {
    res.send(draining ? 503 : 200, { status: draining ? 'draining' : 'ok' });
    next();
  });

  // restify (9+) takes async handlers with two arguments and continues when the promise settles.
  server.post('/api/messages', async (req, res) => {
    if (draining) {
      res.send(503, { error: { code: 'shutting-down', message: 'the bot is restarting; the channel will retry' } });
      return;
    }
    inFlight++;
    try {
      const header = req.headers.authorization;
      const answer = await options.endpoint(bodyText(req.body), typeof header === 'string' ? header : undefined);
      if (answer.body === undefined) res.send(answer.status);
      else res.send(answer.status, answer.body);
    } catch (err) {
      // The endpoint answers every expected failure itself; this is a bug, kept from crashing the process.
      options.logger.error('request.crashed', { kind: errorKind(err) });
      res.send(500, { error: { code: 'internal', message: 'the bot could not process this activity' } });
    } finally {
      inFlight--;
    }
  });

  return {
    listen: () =>
      new Promise((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(options.port, options.host, () => {
          const address = server.server.address();
          if (address === null || typeof address === 'string') reject(new Error('server is not listening on TCP'));
          else resolve(address);
        });
      }),
    close: async (graceMs) => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections();
      const deadline = Date.now() + graceMs;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      server.server.closeAllConnections();
      await closed;
    },
  };
}
