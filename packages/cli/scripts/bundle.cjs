#!/usr/bin/env node
// Builds the shipped CLI after `tsc -b` (which type-checks and emits dist/ for the libraries):
//   dist/kvdoctor.cjs            the bin: a launcher that runs the bundle
//   dist/kvdoctor.bundle.cjs     src/bin.ts and everything it imports, in one file
//   dist/kvdoctor-worker.cjs     src/batch/worker.ts, likewise in one file, for batch worker threads
//   dist/azure-ranges.json       @kvdoctor/azure-ranges' compiled snapshot, the default service-tag data
// Why: the CLI's start was ~0.26 s, mostly Node's module loader resolving and reading ~150 files;
// one file starts in ~0.13 s (bare node: 0.06 s). A V8 code cache made at build time took it to
// ~0.105 s on Node 20, but V8 accepts a cache only from the Node that made it, and the build's
// Node is not one kvdoctor runs on (22, 24): it was dropped.
// The libraries are bundled from their sources, so the published CLI installs alone. Only the Azure
// SDK behind a live `check` stays a runtime require: it is the CLI's optionalDependencies (~145 MB
// that no other command needs), loaded by src/commands/load-live-check.ts when a check reads Azure.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const esbuild = require('esbuild');

const cli = join(__dirname, '..');
const root = join(cli, '..', '..');
const dist = join(cli, 'dist');
const { version } = JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8'));
// The Azure ranges snapshot's compiled index, copied beside the bundle: read only on a public address.
const RANGES_FILE = 'azure-ranges.json';

// zod's `locales` namespace (40 languages, ~0.4 MB, ~5 ms to evaluate) is never used by kvdoctor:
// its messages are English, which zod registers from locales/en.js directly.
const englishOnly = {
  name: 'zod-english-only',
  setup(build) {
    // The module's name is printed into the bundle: a fixed one, not the build machine's path.
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer)
        ? { path: 'zod/locales/en-only.js', namespace: 'zod-locales', pluginData: join(dirname(args.importer), '..', 'locales', 'en.js') }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.pluginData)};`,
      resolveDir: dirname(args.pluginData),
      loader: 'js',
    }));
  },
};

const common = {
  // Module names in the bundle are relative to the repository, whatever the build's folder.
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  // The library from its sources, so it shares the CLI's one (ES module) copy of zod.
  alias: {
    '@kvdoctor/diagnose': join(root, 'packages', 'diagnose', 'src', 'index.ts'),
    '@kvdoctor/azure-ranges': join(root, 'packages', 'azure-ranges', 'src', 'index.ts'),
    '@kvdoctor/live-check/az-json': join(root, 'packages', 'live-check', 'src', 'from-az-json.ts'),
    '@kvdoctor/live-check': join(root, 'packages', 'live-check', 'src', 'index.ts'),
  },
  external: ['@azure/*'],
  // Names are kept (readable stack traces); whitespace and dead code go: ~30% less to parse.
  minifyWhitespace: true,
  minifySyntax: true,
  define: { KVDOCTOR_VERSION: JSON.stringify(version), KVDOCTOR_WORKER_FILE: JSON.stringify('kvdoctor-worker.cjs'), KVDOCTOR_RANGES_FILE: JSON.stringify(RANGES_FILE) },
  plugins: [englishOnly],
  logLevel: 'warning',
};

/**
 * Writes `contents` unless the file already holds exactly that; returns whether it wrote. Tests
 * build once per test file while other files' tests run the CLI: an unchanged build must not
 * touch it, and a changed one appears whole (written beside, then renamed over).
 */
function writeIfChanged(path, contents, mode = 0o644) {
  if (existsSync(path) && Buffer.compare(readFileSync(path), contents) === 0) return false;
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents, { mode });
  renameSync(temporary, path);
  return true;
}

async function bundle(entry) {
  const result = await esbuild.build({ ...common, entryPoints: [entry], outfile: 'out.cjs', write: false });
  const [file] = result.outputFiles;
  if (!file) throw new Error(`esbuild wrote nothing for ${entry}`);
  return Buffer.from(file.contents);
}

/** Runs the bundled CLI on the bundled example: a bundle that cannot start fails the build. */
function smokeTest(bin) {
  const example = readFileSync(join(root, 'examples', 'azdo-variable-group-firewall.log'));
  const run = spawnSync(process.execPath, [bin, 'diagnose', '--format', 'json', '-'], { input: example, encoding: 'utf8' });
  // Exit 1: the example has a finding, as it should.
  if (run.status !== 1) throw new Error(`the bundled CLI failed on the example (exit ${run.status}): ${run.stderr.slice(0, 400)}`);
}

async function main() {
  const [main, worker] = await Promise.all([bundle(join(cli, 'src', 'bin.ts')), bundle(join(cli, 'src', 'batch', 'worker.ts'))]);
  const bin = join(dist, 'kvdoctor.cjs');
  writeIfChanged(bin, readFileSync(join(__dirname, 'launcher.cjs')), 0o755);
  writeIfChanged(join(dist, 'kvdoctor-worker.cjs'), worker);
  writeIfChanged(join(dist, RANGES_FILE), readFileSync(join(root, 'packages', 'azure-ranges', 'data', 'index.json')));
  if (writeIfChanged(join(dist, 'kvdoctor.bundle.cjs'), main)) smokeTest(bin);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
