import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { CHECK_VERB } from '../src/actions';
import { cardInvoke, personalMessage, TENANT } from './helpers/activities';
import { cardText } from './helpers/cards';
import { startConnector, startLocalServer, type LocalServer } from './helpers/local-server';
import { startStack } from './helpers/stack';

/**
 * With an app id, every request must carry a Bot Framework token the adapter can verify. The
 * token issuer's OpenID metadata and signing keys are served by a real local server, so real
 * RS256 tokens are verified end to end without reaching Microsoft.
 */
const APP_ID = '3f0a9c2e-7b1d-4e5f-8a6b-9c0d1e2f3a4b';
const ISSUER = 'https://api.botframework.com';
const KID = 'kvdoctor-test-key';

const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });

let issuer: LocalServer;
let connector: LocalServer;

beforeAll(async () => {
  const jwk = trusted.publicKey.export({ format: 'jwk' });
  issuer = await startLocalServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    if (req.url === '/.well-known/openidconfiguration') res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${issuer.url}/keys` }));
    else res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid: KID, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] }));
  });
  connector = await startConnector();
});

afterAll(async () => {
  await issuer.close();
  await connector.close();
});

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');

function token(claims: Record<string, unknown>, key: KeyObject = createPrivateKey(trusted.privateKey.export({ format: 'pem', type: 'pkcs8' }))): string {
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: 'RS256', typ: 'JWT', kid: KID });
  const body = b64({ iss: ISSUER, aud: APP_ID, nbf: now - 60, exp: now + 600, ...claims });
  return `${head}.${body}.${sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key).toString('base64url')}`;
}

function authenticatedStack() {
  return startStack({
    auth: { mode: 'authenticated', appId: APP_ID, appType: 'SingleTenant', tenantId: TENANT, password: 'not-used-by-these-tests', certificate: undefined },
    overrides: { ToBotFromChannelOpenIdMetadataUrl: `${issuer.url}/.well-known/openidconfiguration`, ToBotFromChannelTokenIssuer: ISSUER },
  });
}

describe('with an app id, /api/messages is authenticated by the adapter', () => {
  const cases: [string, () => Record<string, string>][] = [
    ['no Authorization header', () => ({})],
    ['a bearer value that is not a token', () => ({ authorization: 'Bearer not-a-jwt' })],
    ['a token signed by another key', () => ({ authorization: `Bearer ${token({ serviceurl: connector.url }, stranger.privateKey)}` })],
    ['a token for another bot', () => ({ authorization: `Bearer ${token({ aud: '00000000-0000-0000-0000-000000000001', serviceurl: connector.url })}` })],
    ['an expired token', () => ({ authorization: `Bearer ${token({ exp: Math.floor(Date.now() / 1000) - 600, serviceurl: connector.url })}` })],
    ['a token from a foreign issuer', () => ({ authorization: `Bearer ${token({ iss: 'https://evil.example', serviceurl: connector.url })}` })],
  ];

  it.each(cases)('%s → 401 and nothing is processed', async (_label, headers) => {
    const stack = await authenticatedStack();
    // botbuilder itself writes rejected tokens' errors to console.error (the key it tried, or the
    // expiry error); record that instead of failing, and check it never prints the token.
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const before = connector.requests.length;
      const sentHeaders = headers();
      const res = await stack.post(personalMessage('help', { serviceUrl: connector.url }), sentHeaders);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'the request is not authenticated for this bot' } });
      await new Promise((r) => setTimeout(r, 50));
      expect(connector.requests.length).toBe(before);
      expect(stack.logger.events.map((e) => e.event)).toEqual(['request.unauthorized']);
      const sent = sentHeaders.authorization?.split(' ')[1];
      if (sent !== undefined) expect(JSON.stringify(printed.mock.calls)).not.toContain(sent);
    } finally {
      printed.mockRestore();
      await stack.close();
    }
  });

  it('processes a request whose token verifies (the card click is answered in the response)', async () => {
    const stack = await authenticatedStack();
    try {
      const data = { v: 1, verb: CHECK_VERB, vault: 'hypervmigratio98a5kv', facts: { vault: 'hypervmigratio98a5kv' } };
      const activity = { ...cardInvoke(CHECK_VERB, data, { serviceUrl: connector.url }), replyToId: undefined };
      const res = await stack.post(activity, { authorization: `Bearer ${token({ serviceurl: connector.url })}` });
      expect(res.status).toBe(200);
      expect(cardText(await res.json())).toContain('Live check of hypervmigratio98a5kv: 1 check failing');
      expect(issuer.requests.map((r) => r.path)).toEqual(expect.arrayContaining(['/.well-known/openidconfiguration', '/keys']));
    } finally {
      await stack.close();
    }
  });
});
