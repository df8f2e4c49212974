import { listening, peakRssMb, startBot } from './helpers/bot-process';
import { gzipOfZeros } from './helpers/gzip-bomb';

/**
 * The bot's front door, measured on the real process: what an unauthenticated caller can make it
 * do before any token is looked at, and where an anonymous bot may listen.
 */
jest.setTimeout(60_000);

const INFLATED_BYTES = 256 * 1024 * 1024;
const MEMORY_CEILING_MB = 300;

describe('an encoded body is refused before it is read, inflated or authenticated', () => {
  let bomb: Buffer;
  beforeAll(async () => {
    bomb = await gzipOfZeros(INFLATED_BYTES);
  });

  it('is a gzip body of ~261 KB that inflates to 256 MB (the issue\'s numbers)', () => {
    expect(bomb.length).toBeGreaterThan(250 * 1024);
    expect(bomb.length).toBeLessThan(270 * 1024);
  });

  it('eight sent at once with no token: each gets 415 within 1 s, and the process stays under 300 MB', async () => {
    const run = startBot({ PORT: '0' });
    try {
      const port = await listening(run, 1);
      const pid = run.child.pid;
      if (pid === undefined) throw new Error('the bot has no pid');
      const atStart = peakRssMb(pid);
      const post = async () => {
        const sent = Date.now();
        const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
          body: bomb,
        });
        return { status: res.status, headers: res.headers.get('accept-encoding'), body: await res.json(), ms: Date.now() - sent };
      };
      const answers = await Promise.all(Array.from({ length: 8 }, post));
      for (const a of answers) {
        expect(a).toEqual({
          status: 415,
          headers: 'identity',
          body: { error: { code: 'unsupported-encoding', message: 'encoded request bodies are not accepted: send the activity as plain JSON' } },
          ms: expect.any(Number),
        });
        expect(a.ms).toBeLessThan(1000);
      }
      // Anything still inflating in the background would show here.
      await new Promise((r) => setTimeout(r, 300));
      const peak = peakRssMb(pid);
      expect(peak).toBeLessThan(MEMORY_CEILING_MB);
      // The refusal costs no more than a few MB over what the idle bot held.
      expect(peak - atStart).toBeLessThan(32);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
  });
});

describe('anonymous mode stays on loopback', () => {
  it.each(['0.0.0.0', '::'])('with HOST=%s and no MicrosoftAppId it refuses to start: exit 2, one line saying why', async (host) => {
    const run = startBot({ HOST: host, PORT: '0' });
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toBe(
      [
        'kvdoctor-teams: the configuration is not valid:',
        `  - HOST: "${host}" is not a loopback address, and without MicrosoftAppId the bot checks no token: anonymous mode listens on 127.0.0.1, ::1 or localhost only (set MicrosoftAppId to serve other machines)`,
        'See bots/teams/env.TEMPLATE.',
        '',
      ].join('\n'),
    );
  });

  it('a misspelt app id variable is anonymous mode too, and refused the same way', async () => {
    const run = startBot({ MicrosoftAppID: '3f0a9c2e-7b1d-4e5f-8a6b-9c0d1e2f3a4b', HOST: '0.0.0.0', PORT: '0' });
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain('  - HOST: "0.0.0.0" is not a loopback address, and without MicrosoftAppId the bot checks no token');
  });
});
