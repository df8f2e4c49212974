// An empty project that installs tarballs with npm, as a user outside the monorepo would: for
// scripts/release-check.cjs.
'use strict';
const { spawnSync } = require('node:child_process');
const { lstatSync, mkdirSync, readdirSync, writeFileSync } = require('node:fs');
const { delimiter, dirname, join } = require('node:path');
const { run } = require('./tarball.cjs');

/**
 * The environment without the npm_* variables that `pnpm run` sets for its scripts: they are pnpm's
 * settings, not the user's, and npm would read them as its own configuration. The registry and the
 * user's npm configuration files still apply. This Node comes first on PATH, so bins run on it.
 */
function userEnv() {
  const keep = new Set(['npm_config_registry', 'npm_config_userconfig', 'npm_config_cache']);
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || keep.has(key.toLowerCase())));
  return { ...env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };
}

/** Bytes on disk under `dir` (files and links themselves, links not followed). */
function sizeOf(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const path = join(dir, e.name);
    return sum + (e.isDirectory() ? sizeOf(path) : lstatSync(path).size);
  }, 0);
}

/** `npm install --prefix <dir> <tarballs…>` into a new folder holding only an empty package.json. */
function installInto(dir, tarballs, extraArgs = []) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "kvdoctor-release-check", "private": true }\n');
  const started = performance.now();
  run('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', ...extraArgs, ...tarballs], { cwd: dir, env: userEnv() });
  return { dir, seconds: (performance.now() - started) / 1000, bytes: sizeOf(join(dir, 'node_modules')) };
}

/** Runs a program in the project (its bins on PATH), returning status and output without throwing. */
function runIn(project, command, args, input) {
  const env = userEnv();
  env.PATH = `${join(project.dir, 'node_modules', '.bin')}${delimiter}${env.PATH}`;
  return spawnSync(command, args, { cwd: project.dir, env, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

module.exports = { installInto, runIn };
