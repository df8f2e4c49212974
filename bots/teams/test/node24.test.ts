import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * Node 24 is a supported runtime (with 22; Node 20 reached end of life on 2026-04-30) and restify 12
 * needs Node 22 or later. Whatever Node runs this suite, the bot is started here on Node 24 itself,
 * fetched as the test script fetches it, and must answer its health probe.
 */
jest.setTimeout(120_000);

const BOT_DIR = join(__dirname, '..');

it('the bot starts on Node 24 and answers GET /healthz with 200 {"status":"ok"}', async () => {
  const node24 = execFileSync('npx', ['--yes', 'node@24', '-p', 'process.execPath'], { encoding: 'utf8' }).trim();
  expect(execFileSync(node24, ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./);
  const child = spawn(node24, ['--require', 'tsx/cjs', join('src', 'index.ts')], { cwd: BOT_DIR, env: { PATH: process.env.PATH ?? '', PORT: '0' } });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 60_000;
    let port: number | undefined;
    while (port === undefined) {
      const m = /"event":"server\.listening","host":"127\.0\.0\.1","port":(\d+)/.exec(stderr);
      if (m?.[1] !== undefined) port = Number(m[1]);
      else if (Date.now() > deadline) throw new Error(`the bot did not start on Node 24: ${stderr}`);
      else await new Promise((r) => setTimeout(r, 100));
    }
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
});
