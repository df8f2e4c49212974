import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..', '..');
/** The shipped bin: the launcher of the one-file bundle (packages/cli/scripts/bundle.cjs). */
export const BIN = join(ROOT, 'packages', 'cli', 'dist', 'kvdoctor.cjs');
export const EXAMPLES = join(ROOT, 'examples');

/**
 * Builds the CLI (and the packages it references) and bundles it once per test file, under a lock
 * because jest runs test files in parallel and they share dist/. Type errors inside packages/cli
 * fail the run; errors elsewhere are left to those packages' own checks (tsc still emits their
 * JavaScript).
 */
export function buildCli(): void {
  const script = 'npx tsc -b packages/cli; node packages/cli/scripts/bundle.cjs';
  const r = spawnSync('flock', ['/tmp/kvdoctor-cli-build.lock', 'sh', '-c', script], { cwd: ROOT, encoding: 'utf8' });
  const ours = r.stdout.split('\n').filter((l) => l.startsWith('packages/cli/'));
  if (ours.length > 0) throw new Error(`packages/cli does not build:\n${ours.join('\n')}`);
  if (r.status !== 0 || !existsSync(BIN)) throw new Error(`no ${BIN} after the build:\n${r.stdout}${r.stderr}`);
}

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The variables that change kvdoctor's output are removed unless a test sets them. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['NO_COLOR', 'FORCE_COLOR', 'CI']) delete env[key];
  // A cache of `ranges import` in the developer's home would change the output: none unless a test makes one.
  return { ...env, XDG_CACHE_HOME: join(tmpdir(), 'kvdoctor-test-no-cache'), ...extra };
}

/**
 * Root reads and lists any file or folder whatever its mode (capabilities DAC_OVERRIDE and
 * DAC_READ_SEARCH). `permissionsHold` runs the CLI without them (util-linux's setpriv drops them
 * from the bounding set), so a mode-000 folder is as unreadable to it as to any user.
 */
const WITHOUT_OVERRIDE = ['setpriv', '--bounding-set', '-dac_override,-dac_read_search'];

export function kvdoctor(
  args: readonly string[],
  options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string; permissionsHold?: boolean } = {},
): Run {
  const command = options.permissionsHold === true && process.getuid?.() === 0 ? WITHOUT_OVERRIDE : [];
  const [file = process.execPath, ...prefix] = [...command, process.execPath];
  const r = spawnSync(file, [...prefix, BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: cleanEnv(options.env ?? {}),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error !== undefined) throw new Error(`cannot run ${file}: ${r.error.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh folder under the OS temp dir, removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kvdoctor-cli-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const AZDO_LOG = 'examples/azdo-variable-group-firewall.log';
export const AZDO_AZ_COMMAND = 'az keyvault network-rule add --name hypervmigratio98a5kv --ip-address 40.82.190.38';
/** A log with nothing of Key Vault in it. */
export const CLEAN_LOG = '2024-05-06T14:02:11.4415221Z ##[section]Starting: Build\n2024-05-06T14:02:12.0000000Z Build succeeded.\n';
