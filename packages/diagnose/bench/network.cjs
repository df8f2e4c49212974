#!/usr/bin/env node
// Service-tag index benchmark: compile time, compiled cache size, cache load time (target < 50 ms)
// and lookups per second, against the built package (`npx pnpm@10.34.0 build` first).
// Usage: node packages/diagnose/bench/network.cjs [ServiceTags_Public_YYYYMMDD.json] (default: the shipped snapshot)
'use strict';
const { readFileSync, existsSync } = require('node:fs');
const path = require('node:path');

// Plain stream writes: packages/ code does not use console.* (house rule 10).
const say = (line) => process.stdout.write(`${line}\n`);
const fail = (line, code) => {
  process.stderr.write(`${line}\n`);
  process.exit(code);
};

const dist = path.join(__dirname, '..', 'dist', 'index.cjs');
if (!existsSync(dist)) {
  fail(`no build at ${dist}: run \`npx pnpm@10.34.0 build\` first`, 2);
}
const kv = require(dist);

const repoRoot = path.join(__dirname, '..', '..', '..');
// Default: the snapshot @kvdoctor/azure-ranges ships (ServiceTags_Public.json's shape, a subset of its tags).
const file = process.argv[2] ?? path.join(repoRoot, 'packages', 'azure-ranges', 'data', 'snapshot.json');
if (!existsSync(file)) {
  fail(`no service-tags file at ${file}: pass one (download "Azure IP Ranges and Service Tags – Public Cloud")`, 2);
}

const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;

let t = process.hrtime.bigint();
const raw = JSON.parse(readFileSync(file, 'utf8'));
const parseMs = ms(t);
t = process.hrtime.bigint();
const compiled = kv.compileServiceTags(raw, { asOf: kv.asOfFromFileName(path.basename(file)) ?? raw.asOf ?? 'unknown' });
const compileMs = ms(t);
if (!compiled.ok) {
  fail(`cannot compile ${file}: ${compiled.error.message}`, 1);
}
const c = compiled.value;
const prefixes = c.tags.reduce((n, tag) => n + tag.ipv4Prefixes + tag.ipv6Prefixes, 0);
say(`file            ${path.basename(file)}: ${c.tags.length} tags, ${prefixes} prefixes (change ${c.changeNumber})`);
say(`compile         ${compileMs.toFixed(0)} ms (after ${parseMs.toFixed(0)} ms JSON.parse) → ${c.starts.length} disjoint IPv4 intervals`);

const texts = {};
for (const encoding of ['base64', 'json']) {
  texts[encoding] = JSON.stringify(kv.serialiseServiceTags(c, encoding));
  const runs = [];
  for (let i = 0; i < 15; i += 1) {
    t = process.hrtime.bigint();
    const loaded = kv.parseServiceTagCache(texts[encoding]);
    runs.push(ms(t));
    if (!loaded.ok) throw new Error(loaded.error.message);
  }
  const verdict = runs[0] < 50 ? 'ok' : 'OVER';
  say(`cache ${encoding.padEnd(6)}    ${kib(Buffer.byteLength(texts[encoding]))}, load ${runs[0].toFixed(1)} ms first / ${median(runs).toFixed(1)} ms median (target < 50 ms: ${verdict})`);
}

const index = kv.ServiceTagIndex.lazy(() => kv.parseServiceTagCache(texts.base64));
// Half the probes inside published prefixes, half uniformly random.
const N = 1_000_000;
const probes = new Uint32Array(N);
let seed = 42;
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0));
for (let i = 0; i < N; i += 1) {
  const k = rand() % c.starts.length;
  probes[i] = i % 2 === 0 ? c.starts[k] + (rand() % (c.ends[k] - c.starts[k] + 1)) : rand();
}
index.lookup(probes[0]);
let hits = 0;
t = process.hrtime.bigint();
for (let i = 0; i < N; i += 1) if (index.lookup(probes[i]) !== undefined) hits += 1;
const numericMs = ms(t);
say(`lookup (uint32) ${Math.round(N / (numericMs / 1000)).toLocaleString('en-US')} lookups/s (${((numericMs * 1000) / N).toFixed(2)} µs each, ${hits} hits)`);

const dotted = Array.from(probes.subarray(0, 200_000), (n) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`);
t = process.hrtime.bigint();
for (const ip of dotted) index.lookup(ip);
const textMs = ms(t);
say(`lookup (text)   ${Math.round(dotted.length / (textMs / 1000)).toLocaleString('en-US')} lookups/s (parsing with ip-num's validator included)`);

// diagnose() on a log with no public address must not load the index at all.
let loads = 0;
const watched = kv.ServiceTagIndex.lazy(() => {
  loads += 1;
  return kv.parseServiceTagCache(texts.base64);
});
kv.diagnose('Client address is not authorized and caller is not a trusted service.\r\nClient address: 10.1.2.3\r\nVault: kv-private;location=westeurope', { serviceTags: watched });
say(`private-address log loads the index: ${loads === 0 ? 'no' : 'YES (bug)'}`);
t = process.hrtime.bigint();
const report = kv.diagnose("Agent name: 'Azure Pipelines 3'\nClient address is not authorized and caller is not a trusted service.\r\nClient address: 20.42.77.1\r\nVault: kv-app;location=eastus", { serviceTags: watched });
say(`public-address log: owner ${JSON.stringify(report.findings[0]?.facts.clientIpOwner)} in ${ms(t).toFixed(1)} ms including the lazy load`);
