import { CHECK_VERB } from '../src/actions';
import type { LiveChecker } from '../src/conversation/types';
import { SEED_FIREWALL } from './fixtures/texts';
import { asTeamsHtml, cardInvoke, channelMention, formattedMessage, personalMessage } from './helpers/activities';
import { cardOf, cardProblems, cardText, executeActions } from './helpers/cards';
import { EXAMPLE_LOG } from './helpers/example-log';
import { startConnector, type LocalServer } from './helpers/local-server';
import { startStack } from './helpers/stack';

/**
 * The Bot Framework protocol over real HTTP: restify on 127.0.0.1, Teams-shaped activities, and a
 * local connector (the activity's serviceUrl) that receives the replies as Teams' service would.
 */
let connector: LocalServer;
beforeAll(async () => {
  connector = await startConnector();
});
afterAll(() => connector.close());

const AZ = 'az keyvault network-rule add --name hypervmigratio98a5kv --ip-address 40.82.190.38';

function conversationId(name: string) {
  return `a:${name}-${Math.random().toString(36).slice(2)}`;
}

describe('POST /api/messages (local anonymous mode)', () => {
  it('answers a pasted log: the card arrives at the connector as a reply to the message', async () => {
    const stack = await startStack();
    try {
      const convo = conversationId('paste');
      const activity = personalMessage(SEED_FIREWALL.text, { serviceUrl: connector.url, conversationId: convo });
      const res = await stack.post(activity);
      expect(res.status).toBe(200);
      const reply = await connector.waitFor((r) => r.path === `/v3/conversations/${encodeURIComponent(convo)}/activities/${activity.id}`);
      expect(reply.method).toBe('POST');
      expect(reply.authorization).toBeUndefined();
      const card = cardOf(reply.body);
      expect(cardProblems(card)).toEqual([]);
      expect(cardText(card)).toContain(AZ);
      expect(cardText(card)).toContain('hypervmigratio98a5kv (canadacentral)');
    } finally {
      await stack.close();
    }
  });

  it('answers a paste Teams delivers as HTML with the plain log\'s facts, no markup in them', async () => {
    const stack = await startStack();
    try {
      const convo = conversationId('html');
      const activity = formattedMessage(asTeamsHtml(EXAMPLE_LOG), { serviceUrl: connector.url, conversationId: convo });
      expect(activity.text).toContain('</p><p>');
      const res = await stack.post(activity);
      expect(res.status).toBe(200);
      const reply = await connector.waitFor((r) => r.path === `/v3/conversations/${encodeURIComponent(convo)}/activities/${activity.id}`);
      const card = cardOf(reply.body);
      expect(cardProblems(card)).toEqual([]);
      const shown = cardText(card);
      expect(shown).toContain('hypervmigratio98a5kv (canadacentral)');
      expect(shown).toContain('40.82.190.38 (public IPv4');
      expect(shown).toContain(AZ);
      expect(shown).not.toMatch(/<\/?p>|&quot;|&#39;|&amp;/);
    } finally {
      await stack.close();
    }
  });

  it('answers an @mention in a channel', async () => {
    const stack = await startStack();
    try {
      const convo = conversationId('channel');
      const res = await stack.post(channelMention(EXAMPLE_LOG, { serviceUrl: connector.url, conversationId: convo }));
      expect(res.status).toBe(200);
      const reply = await connector.waitFor((r) => r.path.startsWith(`/v3/conversations/${encodeURIComponent(convo)}/activities/`));
      expect(cardText(cardOf(reply.body))).toContain(AZ);
    } finally {
      await stack.close();
    }
  });

  it('answers a card click with a note in the HTTP response and posts the verdict as a new card, leaving the diagnosis', async () => {
    const stack = await startStack();
    try {
      const convo = conversationId('invoke');
      const activity = personalMessage(EXAMPLE_LOG, { serviceUrl: connector.url, conversationId: convo });
      await stack.post(activity);
      const reply = await connector.waitFor((r) => r.path.startsWith(`/v3/conversations/${encodeURIComponent(convo)}/activities/`));
      const [button] = executeActions(cardOf(reply.body));
      const res = await stack.post(cardInvoke(CHECK_VERB, button?.data, { serviceUrl: connector.url, conversationId: convo }, 'reply-card-1'));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: 'Live check of hypervmigratio98a5kv: the result is posted below the diagnosis.',
      });
      const posted = await connector.waitFor((r) => r.method === 'POST' && cardText(cardOf(r.body)).includes('Live check of hypervmigratio98a5kv: 2 checks failing'));
      expect(cardProblems(cardOf(posted.body))).toEqual([]);
      expect(connector.requests.filter((r) => r.method === 'PUT')).toEqual([]);
    } finally {
      await stack.close();
    }
  });

  it('tells the user when answering fails, logs only the error kind, and keeps serving', async () => {
    const stack = await startStack({
      deps: {
        download: async () => {
          throw new Error('boom with secret text hypervmigratio98a5kv');
        },
      },
    });
    try {
      const convo = conversationId('crash');
      const file = { contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'job.log', content: { downloadUrl: 'https://contoso.sharepoint.com/x', fileType: 'log' } };
      const res = await stack.post(personalMessage('', { serviceUrl: connector.url, conversationId: convo }, { attachments: [file] }));
      expect(res.status).toBe(200);
      const apology = await connector.waitFor((r) => r.path.startsWith(`/v3/conversations/${encodeURIComponent(convo)}/`) && JSON.stringify(r.body).includes('Something went wrong'));
      expect(apology.body).toMatchObject({ type: 'message', text: 'Something went wrong on my side while answering that. Please try again; if it keeps failing, attach the log as a file.' });
      expect(stack.logger.events.filter((e) => e.level === 'error')).toEqual([{ level: 'error', event: 'turn.failed', fields: { kind: 'Error', activityType: 'message' } }]);
      expect((await fetch(`${stack.url}/healthz`)).status).toBe(200);
    } finally {
      await stack.close();
    }
  });
});

describe('malformed requests get a clear answer and nothing is processed', () => {
  it.each([
    ['a body that is not JSON gets 400', '{"type": "message", ', 400],
    ['JSON that is not an object gets 400', '[1, 2, 3]', 400],
  ])('%s', async (_label, body, status) => {
    const stack = await startStack();
    try {
      const res = await stack.post(body);
      expect(res.status).toBe(status);
    } finally {
      await stack.close();
    }
  });

  it('names the missing field of an activity', async () => {
    const stack = await startStack();
    try {
      const { serviceUrl: _dropped, ...noServiceUrl } = personalMessage('help', { serviceUrl: connector.url });
      const res = await stack.post(noServiceUrl);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: 'malformed-activity', message: 'not a Bot Framework activity: serviceUrl is missing or invalid' } });
    } finally {
      await stack.close();
    }
  });

  it('refuses a body over the size cap with 413', async () => {
    const stack = await startStack({ maxBodyBytes: 8 * 1024 });
    try {
      const before = connector.requests.length;
      const res = await stack.post(personalMessage('x'.repeat(16 * 1024), { serviceUrl: connector.url }));
      expect(res.status).toBe(413);
      await new Promise((r) => setTimeout(r, 100));
      expect(connector.requests.length).toBe(before);
    } finally {
      await stack.close();
    }
  });
});

describe('the server', () => {
  it('listens on 127.0.0.1 and answers the health probe', async () => {
    const stack = await startStack();
    try {
      expect(stack.address.address).toBe('127.0.0.1');
      const res = await fetch(`${stack.url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
    } finally {
      await stack.close();
    }
  });

  it('on shutdown finishes the turn in flight, then stops listening', async () => {
    let release: () => void = () => undefined;
    const slow: LiveChecker = () =>
      new Promise((resolve) => {
        release = () => resolve({ ok: true, vault: 'hypervmigratio98a5kv', verdicts: [{ check: 'Firewall default action', status: 'pass', evidence: 'networkAcls.defaultAction is Allow.' }] });
      });
    const stack = await startStack({ deps: { liveCheck: slow } });
    const data = { v: 1, verb: CHECK_VERB, vault: 'hypervmigratio98a5kv', facts: { vault: 'hypervmigratio98a5kv' } };
    const inFlight = stack.post(cardInvoke(CHECK_VERB, data, { serviceUrl: connector.url }));
    await new Promise((r) => setTimeout(r, 100));
    const closing = stack.server.close(5000);
    setTimeout(() => release(), 100);
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(cardText(await res.json())).toContain('Live check of hypervmigratio98a5kv: the result is posted below the diagnosis.');
    expect(connector.requests.some((r) => cardText(cardOf(r.body)).includes('every check passes now'))).toBe(true);
    await closing;
    await expect(fetch(`${stack.url}/healthz`)).rejects.toThrow();
  });
});
