// A package packed as it would be published, and what must hold of its contents before anyone
// installs it: for scripts/release-check.cjs.
'use strict';
const { spawnSync } = require('node:child_process');
const { mkdirSync, readdirSync, readFileSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

/** Runs a command; a failure throws with its output, which is the diagnosis. */
function run(command, args, options) {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${options.cwd}) exited ${r.status ?? r.signal}:\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/**
 * `pnpm pack` (not npm's: pnpm rewrites `workspace:*` to the version it stands for) into `into`;
 * returns the tarball's path.
 */
function pack(packageDir, into) {
  const out = run('pnpm', ['pack', '--json', '--pack-destination', into], { cwd: packageDir });
  return JSON.parse(out).filename;
}

/** Every file under `dir`, as paths relative to it. */
function walk(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), base) : [relative(base, join(dir, e.name))]));
}

/** The paths a package.json promises: main, types, bin and every `exports` target. */
function promisedFiles(manifest) {
  const targets = [];
  const collect = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect([manifest.main, manifest.module, manifest.types, manifest.bin, manifest.exports]);
  return [...new Set(targets.map((t) => t.replace(/^\.\//, '')))];
}

const NOT_SHIPPED = [
  [/\.tsbuildinfo$/, 'TypeScript build state'],
  [/\.map$/, 'a source or declaration map (its sources are not shipped)'],
  [/(^|\/)src\//, 'TypeScript sources'],
  [/\.test\.|(^|\/)test\//, 'tests'],
  [/\.tmp$|\.cache$/, 'a build-machine artefact'],
];

/**
 * Unpacks the tarball and lists what is wrong with it (empty when publishable): dependencies still
 * on `workspace:`, files that do not run, missing LICENSE or promised files, and the build
 * machine's path (`buildRoot`) in any file.
 */
function inspect(tarball, unpackTo, buildRoot) {
  mkdirSync(unpackTo, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', unpackTo], { cwd: unpackTo });
  const dir = join(unpackTo, 'package');
  const files = walk(dir).sort();
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const problems = [];
  for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
    for (const [name, spec] of Object.entries(manifest[field] ?? {})) {
      if (/^(workspace|link|file):/.test(spec)) problems.push(`${field}.${name} is "${spec}"`);
    }
  }
  for (const field of ['license', 'repository', 'engines']) if (manifest[field] === undefined) problems.push(`package.json has no ${field}`);
  for (const required of ['LICENSE', 'README.md', ...promisedFiles(manifest)]) {
    if (!files.includes(required)) problems.push(`${required} is not in the tarball`);
  }
  for (const file of files) {
    const reason = NOT_SHIPPED.find(([pattern]) => pattern.test(file));
    if (reason) problems.push(`${file}: ${reason[1]}`);
    if (readFileSync(join(dir, file)).includes(buildRoot)) problems.push(`${file} holds the build machine's path ${buildRoot}`);
  }
  const unpacked = files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  return { manifest, files, problems, packed: statSync(tarball).size, unpacked };
}

module.exports = { pack, inspect, run };
