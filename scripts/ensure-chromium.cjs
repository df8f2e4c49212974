#!/usr/bin/env node
// The Teams bot's end-to-end test drives Debian's chromium (playwright-core cannot download a
// browser here). Installs it with apt-get when missing, so the README's test command is the only
// set-up a fresh machine needs.
const { existsSync } = require('node:fs');
const { execFileSync } = require('node:child_process');

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  process.stderr.write(`chromium not found at ${path}: install it (apt-get install -y chromium) or set CHROMIUM_PATH\n`);
  process.exit(1);
}
process.stderr.write('installing chromium for the bot end-to-end test (apt-get)…\n');
execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'] });
execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
