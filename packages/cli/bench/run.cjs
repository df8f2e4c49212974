#!/usr/bin/env node
// `pnpm bench`: kvdoctor diagnose --format json against the grep a user would type, on three
// generated pipeline logs of KVDOCTOR_BENCH_MB (default 100) MB each:
//   clean  a long, ordinary job log with a real refusal about every 3 MB
//   dense  one line in nine holds a decoy grep also hits (npm 403, Storage, proxies...) plus ~500
//          real refusals of four kinds, several vaults and client addresses
//   retry  the same az CLI firewall refusal block starting every 20th line (a retry loop)
// For each: grep's and kvdoctor's best-of-3 wall time and MB/s, their ratio, kvdoctor's peak RSS,
// and what kvdoctor found next to what the generator planted, so exact counts can be checked. Then
// kvdoctor's own start on a one-line file: the part of every run no engine change can remove.
// Env: KVDOCTOR_BENCH_MB=20 (size), KVDOCTOR_BENCH_ONLY=clean,retry (subset), KVDOCTOR_BENCH_KEEP=1
// (keep the logs in the temp dir). Not part of `test`.
'use strict';
const { spawnSync } = require('node:child_process');
const { createWriteStream, readFileSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const BIN = join(__dirname, '..', 'dist', 'kvdoctor.cjs');
// Preloaded into the measured CLI; it records the process's peak RSS, worker threads included
// (kvdoctor's batch workers are threads, so one process's maxRSS is the whole cost).
const RSS_PROBE = join(__dirname, 'rss-probe.cjs');
const RSS_FILE = join(tmpdir(), `kvdoctor-bench-rss-${process.pid}`);
const FLOOR = join(__dirname, 'floor.cjs');

const SIZE_MB = Number(process.env.KVDOCTOR_BENCH_MB || 100);
const KEEP = Boolean(process.env.KVDOCTOR_BENCH_KEEP);
const RUNS = 3;
// Exactly what a user would grep a log for: the yardstick, not kvdoctor's own markers.
const GREP_PATTERN = 'Forbidden|AADSTS|not authorized|NSP|Public network access';
const TARGET_RATIO = 0.5;
const TARGET_RSS_MB = 200;

// ---------------------------------------------------------------------------------------------
// Log text

// A long Azure Pipelines job: builds, tests, restores, npm noise, and words close to the markers
// ("client", "address", "authorized") so kvdoctor's pre-filter has something to reject.
const NOISE = [
  '##[section]Starting: Build solution',
  'Restored /home/vsts/work/1/s/src/App/App.csproj (in 1.21 sec).',
  '  App -> /home/vsts/work/1/s/src/App/bin/Release/net8.0/App.dll',
  'Passed!  - Failed:     0, Passed:   412, Skipped:     3, Total:   415, Duration: 18 s - App.Tests.dll (net8.0)',
  'npm WARN deprecated inflight@1.0.6: This module is not supported, and leaks memory.',
  'Downloading https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz (client retry 0)',
  '[command]/usr/bin/az account show --output none',
  'Terraform has compared your real infrastructure against your configuration and found no differences.',
  'warning CS8618: Non-nullable property "Address" must contain a non-null value when exiting constructor.',
  'The user is authorized to push the image to contoso.azurecr.io/app:1.4.2',
  'added 1287 packages, and audited 1288 packages in 41s',
  '##[endgroup]',
];

// Lines a user's grep also hits but that are not Key Vault refusals (dense workload).
const DECOYS = [
  (i) => `npm ERR! 403 403 Forbidden - GET https://registry.npmjs.org/@contoso%2fui-kit-${i % 97} - You do not have permission to access this package`,
  (i) => `This request is not authorized to perform this operation. RequestId:${guid(i)} Time:2024-05-06T14:00:00.0000000Z ErrorCode:AuthorizationFailure`,
  (i) => `curl: (56) Received HTTP/1.1 403 Forbidden from proxy squid-${i % 5}.corp.contoso.com:3128 after CONNECT`,
  (i) => `unknown: failed to push contoso.azurecr.io/app:1.4.${i % 50}: unexpected status from PUT request to https://contoso.azurecr.io/v2/app/blobs/uploads/: 403 Forbidden`,
  (i) => `[TRANSPORT] keep-alive ping ${i} ok (INSPECT mode off)`,
  (i) => `TF400813: The user 'Build\\${guid(i)}' is not authorized to access this resource.`,
  (i) => `Defender for Cloud: Public network access should be disabled for storage account stcontoso${i % 9} (audit only)`,
  (i) => `azure.core.exceptions.HttpResponseError: This request is not authorized to perform this operation using this permission. ErrorCode:AuthorizationPermissionMismatch`,
];

const TENANT = 'a1a2578a-8fd3-4595-bb18-7d17df8944b0';
const APP_ID = '2c5a35cb-ef1f-4659-98a2-dca8761c0def';
const OBJECT_ID = 'f54370a6-bc53-4e02-8d73-63de4c317b54';
const CALLER = `Caller: appid=${APP_ID};oid=${OBJECT_ID};iss=https://sts.windows.net/${TENANT}/`;
const VAULTS = ['kv-app-prod', 'kv-shared-eus', 'kv-data-weu'];
const CLIENT_IPS = ['20.42.1.7', '52.191.40.12', '13.89.102.5'];

/** A deterministic GUID-shaped id, so decoys and trace ids differ from line to line. */
function guid(i) {
  const h = (i * 2654435761 >>> 0).toString(16).padStart(8, '0');
  return `${h}-${h.slice(0, 4)}-4${h.slice(1, 4)}-8${h.slice(4, 7)}-${h}${h.slice(0, 4)}`;
}

// The refusals the generator plants. Each returns its lines, the rule kvdoctor should report it
// under, and a key: refusals with the same key should fold into one finding. The az CLI and the
// variable-group forms of one firewall refusal carry different facts, so they are kept apart.

/** `az keyvault secret show` blocked by the vault firewall (az CLI error layout). */
function azFirewall(vault, ip) {
  return {
    rule: 'firewall',
    key: `firewall az-cli ${vault} ${ip}`,
    lines: [
      'ERROR: (Forbidden) Client address is not authorized and caller is not a trusted service.',
      `Client address: ${ip}`,
      CALLER,
      `Vault: ${vault};location=eastus`,
      'Code: Forbidden',
    ],
  };
}

/** An Azure DevOps variable group linked to the vault, refused by its firewall (one JSON line). */
function adoVariableGroup(vault, ip) {
  const message = `Client address is not authorized and caller is not a trusted service.\\r\\nClient address: ${ip}\\r\\n${CALLER}\\r\\nVault: ${vault};location=eastus`;
  return {
    rule: 'firewall',
    key: `firewall variable-group ${vault} ${ip}`,
    lines: [
      `##[error]Failed to query service connection API: 'https://${vault}.vault.azure.net/secrets?api-version=2016-10-01'. Status Code: 'Forbidden', Response from server: '{"error":{"code":"Forbidden","message":"${message}","innererror":{"code":"ForbiddenByFirewall"}}}'`,
    ],
  };
}

/** The caller lacks a data-plane role (az CLI layout of a ForbiddenByRbac refusal). */
function rbac(vault) {
  return {
    rule: 'rbac',
    key: `rbac ${vault}`,
    lines: [
      'ERROR: (Forbidden) Caller is not authorized to perform action on resource.',
      'If role assignments, deny assignments or role definitions were changed recently, please observe propagation time.',
      CALLER,
      "Action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'",
      `Resource: '/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg-app/providers/microsoft.keyvault/vaults/${vault}/secrets/sql-password'`,
      'Assignment: (not found)',
      "DecisionReason: 'DeniedWithNoValidRBAC'",
      `Vault: ${vault};location=eastus`,
      'Code: Forbidden',
      'Inner error: {"code":"ForbiddenByRbac"}',
    ],
  };
}

/** Workload identity federation mismatch: the login before the Key Vault step fails. */
function aadsts70021(i) {
  return {
    rule: 'aad',
    key: 'aad AADSTS70021',
    lines: [
      `##[error]AADSTS70021: No matching federated identity record found for presented assertion. Assertion Issuer: 'https://vstoken.dev.azure.com/${TENANT}'. Assertion Subject: 'sc://contoso/app/kv-connection'. Assertion Audience: 'api://AzureADTokenExchange'. Trace ID: ${guid(i)} Correlation ID: ${guid(i + 1)} Timestamp: 2024-05-06 14:00:00Z`,
    ],
  };
}

/** The k-th refusal of the dense workload: four kinds in turn, vaults and addresses rotating. */
function denseRefusal(k) {
  const vault = VAULTS[Math.floor(k / 4) % VAULTS.length];
  const ip = CLIENT_IPS[Math.floor(k / 4) % CLIENT_IPS.length];
  return [() => azFirewall(vault, ip), () => adoVariableGroup(vault, ip), () => rbac(vault), () => aadsts70021(k)][k % 4]();
}

// ---------------------------------------------------------------------------------------------
// Workloads: each is a generator of groups ({lines, refusal?}) that the writer stamps and writes
// until the file reaches its size. A group is written whole, so no refusal is cut in half.

const WORKLOADS = {
  /** Ordinary noise with one variable-group refusal about every 3 MB. */
  *clean(file) {
    const every = 3 * 1024 * 1024;
    let next = every / 2;
    for (let n = 0; ; n++) {
      if (file.bytes >= next) {
        next += every;
        yield refusalGroup(adoVariableGroup('hypervmigratio98a5kv', '40.82.190.38'));
      } else yield { lines: [NOISE[n % NOISE.length]] };
    }
  },

  /** A decoy on one line in nine; 5 refusals per MB (~500 in 100 MB) spread evenly by offset. */
  *dense(file) {
    const every = (1024 * 1024) / 5;
    let next = every / 2;
    let k = 0;
    for (let n = 0; ; n++) {
      if (file.bytes >= next) {
        next += every;
        yield refusalGroup(denseRefusal(k++));
      } else if (n % 9 === 0) yield { lines: [DECOYS[(n / 9) % DECOYS.length](n)] };
      else yield { lines: [NOISE[n % NOISE.length]] };
    }
  },

  /** One firewall refusal block starting every 20th line, noise in between. */
  *retry() {
    const block = azFirewall(VAULTS[0], CLIENT_IPS[0]);
    for (;;) {
      yield refusalGroup(block);
      yield { lines: NOISE.slice(0, 20 - block.lines.length) };
    }
  },
};

function refusalGroup(refusal) {
  return { lines: refusal.lines, refusal };
}

/** 2024-05-06T14:00:00.0070000Z: Azure Pipelines' 7-digit fraction, 7 ms per line. */
function stamp(n) {
  return new Date(Date.UTC(2024, 4, 6, 14, 0, 0) + n * 7).toISOString().replace('Z', '0000Z');
}

/** Writes the workload to `path`; resolves to what was planted ({total, byRule, keys}). */
function generate(name, path) {
  // `file.bytes` is exact after every group: the workloads place refusals by offset.
  const file = { bytes: 0, target: SIZE_MB * 1024 * 1024 };
  const groups = WORKLOADS[name](file);
  const planted = { total: 0, byRule: {}, keys: new Set() };
  let n = 0;
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('error', reject);
    const write = () => {
      let ok = true;
      while (ok && file.bytes < file.target) {
        // ~1 MB per write call: few syscalls, bounded memory.
        const chunk = [];
        const end = Math.min(file.target, file.bytes + 1024 * 1024);
        while (file.bytes < end) {
          const group = groups.next().value;
          for (const line of group.lines) {
            const text = `${stamp(n++)} ${line}\n`;
            chunk.push(text);
            file.bytes += Buffer.byteLength(text);
          }
          if (group.refusal) tally(planted, group.refusal);
        }
        ok = out.write(chunk.join(''));
      }
      if (file.bytes < file.target) out.once('drain', write);
      else out.end(() => resolve(planted));
    };
    write();
  });
}

function tally(planted, refusal) {
  planted.total++;
  planted.byRule[refusal.rule] = (planted.byRule[refusal.rule] || 0) + 1;
  planted.keys.add(refusal.key);
}

// ---------------------------------------------------------------------------------------------
// Measuring

/** Runs a command; exit 1 means "matches/findings", anything above (or a signal) is a failure. */
function run(command, args, env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { env: { ...process.env, ...env }, maxBuffer: 512 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.error) throw r.error;
  if (r.status === null || r.status > 1) {
    throw new Error(`${command} ${args.join(' ')} failed (${r.status ?? r.signal}): ${String(r.stderr).slice(0, 400)}`);
  }
  return { seconds, stdout: String(r.stdout) };
}

function grep(path) {
  return run('grep', ['-cE', GREP_PATTERN, path]);
}

/** Node reading and decoding the file and nothing else: the ceiling for any JavaScript reader. */
function floor(path) {
  return run(process.execPath, [FLOOR, path]);
}

/** The Node flags the bin's shebang gives an installed kvdoctor, so the bench runs it as users do. */
function binFlags() {
  const shebang = readFileSync(BIN, 'utf8').split('\n', 1)[0] ?? '';
  const m = /\bnode((?:\s+--[\w-]+(?:=\S+)?)*)\s*$/.exec(shebang);
  return m ? m[1].trim().split(/\s+/).filter(Boolean) : [];
}

/**
 * kvdoctor on a one-line file: starting Node and the CLI, loading the rules, writing the report.
 * What is left of the run is the engine's; a target under this time cannot be met by any engine.
 */
function kvdoctorStart() {
  const path = join(tmpdir(), `kvdoctor-bench-start-${process.pid}.log`);
  writeFileSync(path, 'Build succeeded.\n');
  try {
    return Math.min(...Array.from({ length: RUNS }, () => run(process.execPath, [...binFlags(), BIN, 'diagnose', '--format', 'json', path]).seconds));
  } finally {
    rmSync(path, { force: true });
  }
}

function kvdoctor(path) {
  const r = run(process.execPath, [...binFlags(), '--require', RSS_PROBE, BIN, 'diagnose', '--format', 'json', path], { KVDOCTOR_RSS_FILE: RSS_FILE });
  return { ...r, rssMB: Number(readFileSync(RSS_FILE, 'utf8')) / 1024 };
}

/** What kvdoctor reported: number of findings, their summed counts, and counts per rule. */
function summarise(json) {
  const findings = JSON.parse(json).inputs.flatMap((input) => input.report.findings);
  const byRule = {};
  for (const f of findings) {
    const r = (byRule[f.rule] ??= { findings: 0, count: 0 });
    r.findings++;
    r.count += f.count;
  }
  return { findings: findings.length, count: findings.reduce((n, f) => n + f.count, 0), byRule };
}

async function bench(name) {
  const path = join(tmpdir(), `kvdoctor-bench-${name}-${SIZE_MB}mb.log`);
  try {
    const planted = await generate(name, path);
    const mb = statSync(path).size / (1024 * 1024);
    // Untimed first pass: pulls the file into the page cache for both tools.
    const hits = Number(grep(path).stdout.trim());
    const grepTimes = [];
    const floorTimes = [];
    const cliTimes = [];
    let rssMB = 0;
    let found;
    // Interleaved, so drift in machine load hits both tools alike.
    for (let i = 0; i < RUNS; i++) {
      grepTimes.push(grep(path).seconds);
      floorTimes.push(floor(path).seconds);
      const cli = kvdoctor(path);
      cliTimes.push(cli.seconds);
      rssMB = Math.max(rssMB, cli.rssMB);
      found = summarise(cli.stdout);
    }
    const grepS = Math.min(...grepTimes);
    const cliS = Math.min(...cliTimes);
    return { name, mb, hits, grepS, floorS: Math.min(...floorTimes), cliS, rssMB, found, planted };
  } finally {
    rmSync(RSS_FILE, { force: true });
    if (!KEEP) rmSync(path, { force: true });
    else console.error(`kept ${path}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Reporting

function table(rows) {
  const header = ['workload', 'MB', 'grep hits', 'grep s', 'grep MB/s', 'node floor s', 'floor ratio', 'kvdoctor s', 'kvdoctor MB/s', 'ratio', 'peak RSS MB', 'findings', 'count', 'planted'];
  const body = rows.map((r) => {
    const ratio = r.mb / r.cliS / (r.mb / r.grepS);
    return [
      r.name,
      r.mb.toFixed(1),
      String(r.hits),
      r.grepS.toFixed(3),
      (r.mb / r.grepS).toFixed(0),
      r.floorS.toFixed(3),
      (r.grepS / r.floorS).toFixed(2),
      r.cliS.toFixed(2),
      (r.mb / r.cliS).toFixed(0),
      `${ratio.toFixed(2)}${ratio >= TARGET_RATIO ? '' : ' !'}`,
      `${r.rssMB.toFixed(0)}${r.rssMB < TARGET_RSS_MB ? '' : ' !'}`,
      `${r.found.findings}/${r.planted.keys.size}${r.found.findings === r.planted.keys.size ? '' : ' !'}`,
      String(r.found.count),
      `${r.planted.total}${r.found.count === r.planted.total ? '' : ' !'}`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** Per rule, found/planted counts: shows which kind of refusal a mismatch comes from. */
function perRule(r) {
  const rules = [...new Set([...Object.keys(r.planted.byRule), ...Object.keys(r.found.byRule)])].sort();
  const parts = rules.map((rule) => {
    const f = r.found.byRule[rule] ?? { findings: 0, count: 0 };
    return `${rule} ${f.count}/${r.planted.byRule[rule] ?? 0} in ${f.findings} finding${f.findings === 1 ? '' : 's'}`;
  });
  return `  ${r.name.padEnd(6)} ${parts.join(', ')}`;
}

function selected() {
  const names = Object.keys(WORKLOADS);
  const only = process.env.KVDOCTOR_BENCH_ONLY;
  if (!only) return names;
  const wanted = only.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = wanted.filter((w) => !names.includes(w));
  if (unknown.length) throw new Error(`KVDOCTOR_BENCH_ONLY: unknown workload(s) ${unknown.join(', ')} (have ${names.join(', ')})`);
  return names.filter((n) => wanted.includes(n));
}

async function main() {
  const rows = [];
  for (const name of selected()) {
    console.error(`${name}: generating ${SIZE_MB} MB and timing (best of ${RUNS})...`);
    rows.push(await bench(name));
  }
  console.log(`grep -cE '${GREP_PATTERN}'  vs  kvdoctor diagnose --format json (best of ${RUNS}, warm page cache)`);
  console.log(`targets: ratio (kvdoctor MB/s / grep MB/s) >= ${TARGET_RATIO}, peak RSS < ${TARGET_RSS_MB} MB; ! marks a miss`);
  console.log("node floor = Node starting, reading the file in 1 MB chunks and decoding it as UTF-8, nothing else; floor ratio = the best any JavaScript reader could score here");
  console.log('findings = reported/expected (one per distinct kind, vault, client address); count = sum of findings\' counts; planted = refusals written\n');
  console.log(table(rows));
  const start = kvdoctorStart();
  const grepBest = Math.min(...rows.map((r) => r.grepS));
  console.log(`\nkvdoctor start (a one-line file, best of ${RUNS}): ${start.toFixed(3)} s; the ${TARGET_RATIO}x target allows ${(grepBest / TARGET_RATIO).toFixed(3)} s for a whole run here`);
  console.log('\nper rule (counted/planted):');
  for (const r of rows) console.log(perRule(r));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
