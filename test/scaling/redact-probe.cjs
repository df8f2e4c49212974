#!/usr/bin/env node
// Timing probe for test/redact-linear.test.ts: reads a JSON array of units on stdin, repeats each to
// 1 MB, and prints one JSON line: the CPU milliseconds of the fastest of five redact() calls per
// unit after two unmeasured ones (the first calls on a new shape of input are still compiling), on
// the BUILT library in a plain Node process (Jest's sandboxed realm roughly doubles the
// cost of every global and typed-array access, which is not how the library runs anywhere).
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

const dist = path.join(__dirname, '..', '..', 'packages', 'diagnose', 'dist', 'index.cjs');
if (!existsSync(dist)) {
  process.stderr.write(`no build at ${dist}: run \`npx --yes pnpm@10.34.0 build\` first\n`);
  process.exit(2);
}
const { redact } = require(dist);
const MB = 1 << 20;

function cpuMs(text) {
  redact(text);
  redact(text);
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const start = process.cpuUsage();
    redact(text);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

const units = JSON.parse(readFileSync(0, 'utf8'));
process.stdout.write(`${JSON.stringify(units.map((unit) => cpuMs(unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB))))}\n`);
