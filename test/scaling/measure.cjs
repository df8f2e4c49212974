#!/usr/bin/env node
// Scaling probe for test/scaling.test.ts: feeds a generated log of the requested size through the
// BUILT streaming diagnoser in 64 KB chunks (the input is never held whole, so the process's peak
// RSS is the engine's own footprint) and prints one JSON line:
//   {"ms":…, "rssMb":…, "findings":[{"rule":…,"count":…}], "lines":…}
// Usage: node test/scaling/measure.cjs <escaped-line|cr-only|backslashes|markers-one-line> <megabytes>
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');

const fail = (line, code) => {
  process.stderr.write(`${line}\n`);
  process.exit(code);
};

const dist = path.join(__dirname, '..', '..', 'packages', 'diagnose', 'dist', 'index.cjs');
if (!existsSync(dist)) fail(`no build at ${dist}: run \`npx --yes pnpm@10.34.0 build\` first`, 2);
const { createDiagnoser } = require(dist);

const CHUNK = 64 * 1024;
const GUID_A = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const GUID_B = '0b1c2d3e-4f50-4162-8374-95a6b7c8d9e0';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** Repeats `unit` until at least CHUNK characters (one string, built once, reused for every chunk). */
function tile(unit) {
  return unit.repeat(Math.ceil(CHUNK / unit.length));
}

// Each workload: a 64 KB-ish block (built once) that is fed repeatedly, plus an optional prefix.
const workloads = {
  // One raw line (no real newline): a JSON dump whose messages carry escaped line breaks
  // (backslash-r backslash-n as two-character escapes), interleaved with escaped noise.
  'escaped-line': () => {
    const refusal =
      '{"error":{"code":"Forbidden","message":"Client address is not authorized and caller is not a trusted service.\\r\\n' +
      'Client address: 20.1.2.3\\r\\n' +
      `Caller: appid=${GUID_A};oid=${GUID_B};iss=https://sts.windows.net/${TENANT}/\\r\\n` +
      'Vault: kv-scale;location=eastus","innererror":{"code":"ForbiddenByFirewall"}}},';
    const noise = '{"log":"npm notice\\r\\nnpm notice New minor version of npm available\\r\\n","stream":"stdout"},'.repeat(6);
    return { prefix: '[', block: tile(refusal + noise) };
  },
  // Lone '\r' as the only line end (old agents): noise with an az CLI firewall refusal every ~50 lines.
  'cr-only': () => {
    const lines = [];
    for (let i = 0; i < 46; i++) lines.push(`2024-05-06T10:00:${String(i).padStart(2, '0')}.0000000Z Step ${i}: restoring packages (npm notice)`);
    lines.push('ERROR: (Forbidden) Client address is not authorized and caller is not a trusted service.');
    lines.push('Client address: 20.1.2.3');
    lines.push(`Caller: appid=${GUID_A};oid=${GUID_B};iss=https://sts.windows.net/${TENANT}/`);
    lines.push('Vault: kv-scale;location=eastus');
    return { prefix: '', block: tile(`${lines.join('\r')}\r`) };
  },
  // One line of nothing but backslashes, no newline at all.
  backslashes: () => ({ prefix: '', block: '\\'.repeat(CHUNK) }),
  // One line (no newline) of marker fragments of several families back to back, with junk between.
  'markers-one-line': () => ({
    prefix: '',
    block: tile(
      'ForbiddenByFirewall Client address is not authorized ForbiddenByRbac AADSTS700213 NSP rules ' +
        'Public network access is disabled xq9;zz~ ',
    ),
  }),
};

const [name, mbArg] = process.argv.slice(2);
const make = workloads[name];
const megabytes = Number(mbArg);
if (!make || !Number.isFinite(megabytes) || megabytes <= 0) {
  fail(`usage: measure.cjs <${Object.keys(workloads).join('|')}> <megabytes>`, 2);
}

const { prefix, block } = make();
const total = Math.round(megabytes * 1024 * 1024);

const diagnoser = createDiagnoser();
const started = process.hrtime.bigint();
let fed = 0;
if (prefix) {
  diagnoser.write(prefix);
  fed += prefix.length;
}
while (fed < total) {
  const size = Math.min(block.length, total - fed);
  // Slices of the shared block; a full-size slice is the block itself (no copy).
  diagnoser.write(size === block.length ? block : block.slice(0, size));
  fed += size;
}
const report = diagnoser.end();
const ms = Number(process.hrtime.bigint() - started) / 1e6;

process.stdout.write(
  `${JSON.stringify({
    ms,
    rssMb: process.resourceUsage().maxRSS / 1024,
    findings: report.findings.map((f) => ({ rule: f.rule, count: f.count })),
    lines: report.stats.lines,
  })}\n`,
);
