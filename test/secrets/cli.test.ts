import { buildCli, kvdoctor } from '../../packages/cli/test/helpers/cli';
import { leaks } from './leaks';
import { corpusLog, PLANTED, vaultOf } from './planted';

beforeAll(buildCli, 120_000);

const LOG = corpusLog();

describe('the built CLI prints no planted secret', () => {
  test.each(['text', 'markdown', 'json', 'csv'])('kvdoctor diagnose --format %s', (format) => {
    const r = kvdoctor(['diagnose', '--format', format, '-'], { input: LOG });
    expect(r.status).toBe(1);
    // Every case's finding is in the output, so its evidence and facts were printed.
    for (let i = 0; i < PLANTED.length; i++) expect(r.stdout).toContain(vaultOf(i));
    expect(leaks(r.stdout + r.stderr, PLANTED)).toEqual([]);
  });

  test.each(PLANTED.map((p) => [p.name, p.secrets[0] ?? ''] as const))('kvdoctor explain <%s>', (_, secret) => {
    const r = kvdoctor(['explain', '--', secret]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^kvdoctor: unknown code/);
    expect(leaks(r.stdout + r.stderr, PLANTED)).toEqual([]);
  });

  test('an argument commander rejects is masked too', () => {
    const [p] = PLANTED;
    const r = kvdoctor([p?.lines?.[0] ?? '']);
    expect(r.stderr).toBe("kvdoctor: unknown command 'Authorization: Bearer [REDACTED:jwt]'\n(run with --help for usage)\n");
  });
});
