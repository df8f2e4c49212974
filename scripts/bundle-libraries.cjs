#!/usr/bin/env node
// Builds what the published libraries run, after `tsc -b` (which type-checks and writes only their
// declarations): each entry point as one ES module (dist/<entry>.mjs) and one CommonJS file
// (dist/<entry>.cjs), named in the package's `exports` under `import` and `require`.
// Why one file per entry: Node's loader resolving and reading ~150 small tsc outputs cost
// 170–250 ms per import; one file is read and compiled at once. Dependencies (zod, ip-num, the other
// @kvdoctor packages, the Azure SDK) stay imports, resolved by the consumer's package manager.
// A package's entries never inline one another: an import of another entry's source becomes an import
// of that entry's file, so `@kvdoctor/diagnose` and `@kvdoctor/diagnose/schema` share one ReportSchema.
'use strict';
const { existsSync } = require('node:fs');
const { join, resolve } = require('node:path');
const esbuild = require('esbuild');

const root = join(__dirname, '..');

/**
 * Entry name (dist/<name>.mjs|cjs) → source, per package. `nodeDirname`: the sources read files beside
 * themselves through __dirname, which an ES module lacks, so its file defines one from import.meta.url.
 */
const LIBRARIES = [
  { dir: 'packages/diagnose', entries: { index: 'src/index.ts', schema: 'src/report/schema.ts' }, platform: 'neutral' },
  { dir: 'packages/azure-ranges', entries: { index: 'src/index.ts' }, platform: 'node', nodeDirname: true },
  { dir: 'packages/live-check', entries: { index: 'src/index.ts', 'az-json': 'src/from-az-json.ts' }, platform: 'node' },
];

const ESM_DIRNAME = [
  "import { dirname as __kvdoctorDirname } from 'node:path';",
  "import { fileURLToPath as __kvdoctorFileURLToPath } from 'node:url';",
  'const __dirname = __kvdoctorDirname(__kvdoctorFileURLToPath(import.meta.url));',
].join('\n');

/** Resolves an import of another entry's source (extensionless, as the sources write them) to that entry's file. */
function siblingEntries(sources, ext) {
  return {
    name: 'sibling-entries',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = resolve(args.resolveDir, args.path);
        const hit = sources.find(([, source]) => source === target || source === `${target}.ts` || source === target.replace(/\.js$/, '.ts'));
        return hit ? { path: `./${hit[0]}.${ext}`, external: true } : undefined;
      });
    },
  };
}

async function bundleLibrary(library) {
  const dir = join(root, library.dir);
  const sources = Object.entries(library.entries).map(([name, source]) => [name, join(dir, source)]);
  const builds = [];
  for (const [name, source] of sources) {
    if (!existsSync(source)) throw new Error(`${library.dir}: no entry source ${source}`);
    const others = sources.filter(([other]) => other !== name);
    for (const [format, ext] of [['esm', 'mjs'], ['cjs', 'cjs']]) {
      builds.push(
        esbuild.build({
          absWorkingDir: root,
          entryPoints: [source],
          outfile: join(dir, 'dist', `${name}.${ext}`),
          bundle: true,
          packages: 'external',
          platform: library.platform,
          // `neutral` resolves no `main` fields: the bundled sources import only relative files and externals.
          mainFields: ['module', 'main'],
          target: 'node22',
          format,
          banner: format === 'esm' && library.nodeDirname ? { js: ESM_DIRNAME } : undefined,
          plugins: [siblingEntries(others, ext)],
          logLevel: 'warning',
        }),
      );
    }
  }
  await Promise.all(builds);
}

Promise.all(LIBRARIES.map(bundleLibrary)).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
