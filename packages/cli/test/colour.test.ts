import { spawnSync } from 'node:child_process';
import { AZDO_AZ_COMMAND, AZDO_LOG, BIN, buildCli, kvdoctor, ROOT } from './helpers/cli';

beforeAll(buildCli, 120_000);

const ESC = '\u001b[';

describe('colour', () => {
  it('is off when stdout is not a terminal', () => {
    expect(kvdoctor(['diagnose', AZDO_LOG]).stdout).not.toContain(ESC);
  });

  it('is on with FORCE_COLOR, for text only', () => {
    expect(kvdoctor(['diagnose', AZDO_LOG], { env: { FORCE_COLOR: '1' } }).stdout).toContain(`${ESC}1m`);
    expect(kvdoctor(['diagnose', '--format', 'markdown', AZDO_LOG], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
  });

  it('NO_COLOR wins over FORCE_COLOR', () => {
    expect(kvdoctor(['diagnose', AZDO_LOG], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain(ESC);
  });

  const onTerminal = (env: Record<string, string>): string =>
    spawnSync('script', ['-qec', `${process.execPath} ${BIN} diagnose ${AZDO_LOG}`, '/dev/null'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, TERM: 'xterm', ...env },
    }).stdout;

  it('is on by default on a terminal', () => {
    const out = onTerminal({});
    expect(out).toContain(`${ESC}31m✖`);
    expect(out).toContain(AZDO_AZ_COMMAND);
  });

  it('NO_COLOR turns it off on a terminal', () => {
    const out = onTerminal({ NO_COLOR: '1' });
    expect(out).toContain(AZDO_AZ_COMMAND);
    expect(out).not.toContain(ESC);
  });
});
