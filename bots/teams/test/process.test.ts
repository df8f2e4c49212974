import { SEED_FIREWALL } from './fixtures/texts';
import { personalMessage } from './helpers/activities';
import { listening, startBot as start } from './helpers/bot-process';
import { cardOf, cardText } from './helpers/cards';
import { startConnector, type LocalServer } from './helpers/local-server';

/**
 * The real entry point (src/index.ts, as `pnpm start` runs it once built) in child processes:
 * configuration errors, local anonymous mode, workers sharing the dedupe store, SIGTERM.
 */
jest.setTimeout(60_000);

let connector: LocalServer;
beforeAll(async () => {
  connector = await startConnector();
});
afterAll(() => connector.close());

describe('pnpm start', () => {
  it('refuses to start on a bad configuration, naming each variable, exit code 2', async () => {
    const run = start({ MicrosoftAppId: 'not-a-guid', PORT: 'http' });
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain(
      [
        'kvdoctor-teams: the configuration is not valid:',
        '  - PORT: must be a whole number',
        "  - MicrosoftAppId: must be the bot's Microsoft Entra application (client) id, a GUID",
      ].join('\n'),
    );
  });

  it('runs with no Azure at all, answers on loopback, and exits 0 on SIGTERM', async () => {
    const run = start({ PORT: '0' });
    try {
      const port = await listening(run, 1);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const message = personalMessage(SEED_FIREWALL.text, { serviceUrl: connector.url, conversationId: 'a:process-one' });
      expect((await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) })).status).toBe(200);
      const reply = await connector.waitFor((r) => r.path.includes('a%3Aprocess-one'));
      expect(cardText(cardOf(reply.body))).toContain('az keyvault network-rule add --name hypervmigratio98a5kv --ip-address 40.82.190.38');
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toContain('"event":"server.draining"');
    expect(run.stderr()).not.toContain('hypervmigratio98a5kv');
  });

  it('with two workers, a retried activity is answered once whichever worker gets it', async () => {
    const run = start({ PORT: '0', KVDOCTOR_WORKERS: '2' });
    try {
      const port = await listening(run, 2);
      const message = personalMessage(SEED_FIREWALL.text, { serviceUrl: connector.url, conversationId: 'a:process-two' }, { id: '1700000000555' });
      // Separate connections, so the cluster's round-robin hands them to different workers.
      const post = () => fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify(message) });
      for (let i = 0; i < 4; i++) expect((await post()).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(connector.requests.filter((r) => r.path.includes('a%3Aprocess-two'))).toHaveLength(1);
      const answered = new Set([...run.stderr().matchAll(/"pid":(\d+),"event":"message\.(?:answered|duplicate)"/g)].map((m) => m[1]));
      expect(answered.size).toBe(2);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
  });
});
