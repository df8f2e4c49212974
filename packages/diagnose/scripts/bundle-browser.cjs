#!/usr/bin/env node
// Bundles @kvdoctor/diagnose for the browser with esbuild (one minified ES module, no Node built-ins:
// esbuild refuses to resolve one for platform browser) and prints its size raw and gzipped.
// Budget: 128 KB gzip, a guard against regressions, not the goal (120 KB). At 124.9 KB (December
// 2026, esbuild's metafile) the raw bytes are the aad rule ~90 KB (of which Entra's AADSTS reference,
// 345 codes with their meaning, is 41 KB: 11 KB gzip of deliberate data), ip-num ~41 KB, zod ~31 KB,
// and the other families and the live-check verdict logic the rest. The schemas use zod/mini, whose
// functional checks let esbuild keep only what they use (classic zod's methods kept all of it: ~96 KB,
// 143 KB gzip in all); zod's JSON Schema generator stays out too, since the JSON Schema ships as a
// file (report.schema.json) rather than from a function.
//   node packages/diagnose/scripts/bundle-browser.cjs [--out file.mjs]
'use strict';
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');
const esbuild = require('esbuild');

const BUDGET_GZIP_BYTES = 128 * 1024;

/** The browser bundle's bytes; `format` 'esm' for publishing, 'iife' (global `kvdoctor`) for a plain <script>. */
async function bundleForBrowser(format = 'esm') {
  const result = await esbuild.build({
    entryPoints: [join(__dirname, '..', 'src', 'index.ts')],
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format,
    globalName: format === 'iife' ? 'kvdoctor' : undefined,
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error('esbuild wrote nothing');
  return file.contents;
}

async function main() {
  const bytes = await bundleForBrowser('esm');
  const gzip = gzipSync(bytes).length;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const outAt = process.argv.indexOf('--out');
  if (outAt > 0 && process.argv[outAt + 1]) writeFileSync(process.argv[outAt + 1], bytes);
  process.stdout.write(`@kvdoctor/diagnose for the browser: ${kb(bytes.length)} raw, ${kb(gzip)} gzip (budget ${kb(BUDGET_GZIP_BYTES)})\n`);
  if (gzip > BUDGET_GZIP_BYTES) process.exitCode = 1;
}

module.exports = { bundleForBrowser, BUDGET_GZIP_BYTES };
if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
