#!/usr/bin/env node
// `pnpm release:check`: proves the packages install and run outside the monorepo, as published.
// After `pnpm build`, it packs every package with `pnpm pack`, checks each tarball's contents, then
// installs tarballs with npm into empty temporary projects:
//   - the CLI's tarball alone, without its optional Azure SDK (its installed size within budget):
//     `kvdoctor diagnose` on an example log gives the expected finding and exit code,
//     `check --from-az-json` works, a live `check` says the SDK is missing; then with the SDK, which
//     a live `check` loads;
//   - @kvdoctor/diagnose's tarball alone (zod and ip-num from the registry): imported from an ES
//     module and from CommonJS, it diagnoses the same log; cold import times are printed;
//   - the three library tarballs together (each depends on the others only where declared).
// Runs on the oldest Node kvdoctor supports (the root script starts it on Node 22).
'use strict';
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { installInto, runIn } = require('./release/npm-project.cjs');
const { inspect, pack } = require('./release/tarball.cjs');

const root = join(__dirname, '..');
const PACKAGES = ['packages/diagnose', 'packages/azure-ranges', 'packages/live-check', 'packages/cli'];
/** The CLI installed without optional dependencies; the issue's goal, far above what it needs today. */
const CLI_BUDGET_BYTES = 40 * 1024 * 1024;
const EXAMPLE = join(root, 'examples', 'azdo-variable-group-firewall.log');
const SUBSCRIPTION = '0b1f6471-1bf0-4dda-aec3-111122223333';
/** The example log's tenant, and another. */
const TENANT = 'a1a2578a-8fd3-4595-bb18-7d17df8944b0';
const OTHER_TENANT = '00000000-0000-0000-0000-000000000001';
/** What the example log must give, from the CLI and the library alike. */
const EXPECTED_FINDING = { rule: 'firewall', clientIp: '40.82.190.38', vault: 'hypervmigratio98a5kv' };
const IMPORT_RUNS = 7;
/** The example's vault as `az keyvault show` prints it (fields the check reads): its firewall admits no rule for the client. */
const VAULT_JSON = {
  id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-hyperv-migration/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv`,
  location: 'canadacentral',
  name: 'hypervmigratio98a5kv',
  properties: {
    accessPolicies: [],
    enableRbacAuthorization: false,
    networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: [{ value: '52.228.82.0/24' }], virtualNetworkRules: [] },
    publicNetworkAccess: 'Enabled',
    tenantId: TENANT,
    vaultUri: 'https://hypervmigratio98a5kv.vault.azure.net/',
  },
  resourceGroup: 'rg-hyperv-migration',
  type: 'Microsoft.KeyVault/vaults',
};

const failures = [];
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const line = (text) => process.stdout.write(`${text}\n`);
/** Records a failed expectation; the run goes on so one report names every problem. */
function expect(what, actual, expected) {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a === e) {
    line(`  ok    ${what}`);
    return;
  }
  failures.push(`${what}: expected ${e}, got ${a}`);
  line(`  FAIL  ${what}\n          expected ${e}\n          got      ${a}`);
}

/** The example's first finding, reduced to the facts checked; its source also runs in the snippets below. */
function firstFinding(report) {
  const f = report.findings[0];
  return { rule: f?.rule, clientIp: f?.facts.clientIp, vault: f?.facts.vault };
}
const FIRST_FINDING = firstFinding.toString();
const LIBRARY_ESM = `import { readFileSync } from 'node:fs';
import { diagnose, ReportSchema as RootSchema } from '@kvdoctor/diagnose';
import { ReportSchema } from '@kvdoctor/diagnose/schema';
const report = diagnose(readFileSync(process.argv[1], 'utf8'));
console.log(JSON.stringify({ finding: (${FIRST_FINDING})(report), valid: ReportSchema.safeParse(report).success, oneSchema: ReportSchema === RootSchema }));`;
const LIBRARY_CJS = `const { readFileSync } = require('node:fs');
const { diagnose, ReportSchema: RootSchema } = require('@kvdoctor/diagnose');
const { ReportSchema } = require('@kvdoctor/diagnose/schema');
const report = diagnose(readFileSync(process.argv[1], 'utf8'));
console.log(JSON.stringify({ finding: (${FIRST_FINDING})(report), valid: ReportSchema.safeParse(report).success, oneSchema: ReportSchema === RootSchema }));`;
/** A TypeScript consumer of each kind: the published types must resolve and check, zod's included. */
const TYPED_CONSUMERS = {
  'esm-consumer.mts': `import { diagnose } from '@kvdoctor/diagnose';\nimport { ReportSchema } from '@kvdoctor/diagnose/schema';\nexport const rules: string[] = ReportSchema.parse(diagnose('')).findings.map((f) => f.rule);\n`,
  'cjs-consumer.cts': `import { diagnose, type Finding } from '@kvdoctor/diagnose';\nexport const findings: Finding[] = diagnose('').findings;\n`,
};
const ALL_ESM = `import { loadAzureRanges } from '@kvdoctor/azure-ranges';
import { modelFromAzJson } from '@kvdoctor/live-check/az-json';
import { liveCheck } from '@kvdoctor/live-check';
const ranges = loadAzureRanges();
console.log(JSON.stringify({ ranges: ranges.ok && ranges.value.asOf, azJson: modelFromAzJson('{}').ok, liveCheck: typeof liveCheck }));`;
const ALL_CJS = `const { loadAzureRanges } = require('@kvdoctor/azure-ranges');
const { modelFromAzJson } = require('@kvdoctor/live-check/az-json');
const { liveCheck } = require('@kvdoctor/live-check');
const ranges = loadAzureRanges();
console.log(JSON.stringify({ ranges: ranges.ok && ranges.value.asOf, azJson: modelFromAzJson('{}').ok, liveCheck: typeof liveCheck }));`;
const ALL_EXPECTED = { ranges: '2024-05-06', azJson: false, liveCheck: 'function' };

/** Runs a snippet in the project; its one JSON line of output, or the failure as a value. */
function evaluate(project, kind, code, ...args) {
  const flags = kind === 'esm' ? ['--input-type=module', '--eval', code] : ['--input-type=commonjs', '--eval', code];
  const r = runIn(project, process.execPath, [...flags, ...args]);
  if (r.status !== 0) return { exit: r.status, stderr: r.stderr.slice(0, 600) };
  return JSON.parse(r.stdout);
}

/** Milliseconds to load `specifiers` in fresh Nodes, each run its own process, sorted (or the failure). */
function importRuns(project, kind, specifiers) {
  const load = specifiers.map((s) => (kind === 'esm' ? `await import('${s}');` : `require('${s}');`)).join(' ');
  const code = `const t = performance.now(); ${load} console.log(JSON.stringify(performance.now() - t));`;
  const times = Array.from({ length: IMPORT_RUNS }, () => evaluate(project, kind, code));
  const failed = times.find((t) => typeof t !== 'number');
  return failed === undefined ? times.sort((a, b) => a - b) : failed;
}

/**
 * The library's cold import time, and its dependencies' alone (zod's most of all). The fastest run
 * is printed beside the median: on a shared machine the median mostly measures the neighbours.
 */
function importTimes(project, kind) {
  const total = importRuns(project, kind, ['@kvdoctor/diagnose']);
  const deps = importRuns(project, kind, ['zod', 'ip-num']);
  if (!Array.isArray(total) || !Array.isArray(deps)) return expect(`${kind} import of @kvdoctor/diagnose is timed`, [total, deps], 'times');
  const shown = (runs) => `${runs[0].toFixed(1)} ms fastest, ${runs[Math.floor(runs.length / 2)].toFixed(1)} ms median`;
  line(`  ${kind === 'esm' ? 'ESM' : 'CJS'} import of @kvdoctor/diagnose: ${shown(total)}; zod and ip-num alone: ${shown(deps)} (${IMPORT_RUNS} fresh processes each)`);
}

function main() {
  const work = mkdtempSync(join(tmpdir(), 'kvdoctor-release-check-'));
  try {
    line(`Node ${process.version}; working in ${work}`);
    line('\nTarballs (pnpm pack):');
    const tarballs = {};
    for (const dir of PACKAGES) {
      const tarball = pack(join(root, dir), join(work, 'tarballs'));
      const t = inspect(tarball, join(work, 'unpacked', dir), root);
      tarballs[t.manifest.name] = tarball;
      line(`  ${t.manifest.name}@${t.manifest.version}: ${kb(t.packed)} packed, ${kb(t.unpacked)} unpacked, ${t.files.length} files`);
      expect(`${t.manifest.name} tarball holds only what runs, fully declared`, t.problems, []);
    }

    line('\nThe CLI tarball alone, without optional dependencies (npm install --omit=optional):');
    const cli = installInto(join(work, 'cli'), [tarballs['@kvdoctor/cli']], ['--omit=optional']);
    line(`  installed in ${cli.seconds.toFixed(1)} s: ${mb(cli.bytes)} (budget ${mb(CLI_BUDGET_BYTES)})`);
    expect('installed size within budget', cli.bytes <= CLI_BUDGET_BYTES, true);
    const version = runIn(cli, 'kvdoctor', ['--version']);
    expect('kvdoctor --version', [version.status, version.stdout], [0, `${JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version}\n`]);
    const diagnosed = runIn(cli, 'kvdoctor', ['diagnose', '--format', 'json', '-'], readFileSync(EXAMPLE));
    const reports = diagnosed.status === 1 ? JSON.parse(diagnosed.stdout).inputs : [];
    expect('kvdoctor diagnose on the example: exit 1 and its finding', [diagnosed.status, reports.map((r) => firstFinding(r.report))], [1, [EXPECTED_FINDING]]);
    const live = runIn(cli, 'kvdoctor', ['check', EXPECTED_FINDING.vault, '--subscription', SUBSCRIPTION, '--tenant', TENANT]);
    expect('kvdoctor check (live) without the Azure SDK: exit 2 and what to do', [live.status, live.stderr], [
      2,
      'kvdoctor: a live check needs the Azure SDK, an optional part of kvdoctor that is not installed here (@azure/arm-authorization is missing): install kvdoctor without --omit=optional, or check offline with --from-az-json <output of az keyvault show>\n',
    ]);

    const vaultJson = join(cli.dir, 'vault.json');
    writeFileSync(vaultJson, JSON.stringify(VAULT_JSON));
    const offline = runIn(cli, 'kvdoctor', ['check', EXPECTED_FINDING.vault, '--from-az-json', vaultJson, '--log', EXAMPLE, '--format', 'json']);
    const firewall = offline.status === 1 ? JSON.parse(offline.stdout).checks.map((c) => [c.rule, c.verdicts.find((v) => v.check === 'firewall')?.status]) : offline.stderr;
    expect('kvdoctor check --from-az-json without the Azure SDK: exit 1, the firewall fails', [offline.status, firewall], [1, [['firewall', 'fail']]]);

    line('\nThe CLI tarball alone, with its optional Azure SDK (npm install):');
    const full = installInto(join(work, 'cli-full'), [tarballs['@kvdoctor/cli']]);
    line(`  installed in ${full.seconds.toFixed(1)} s: ${mb(full.bytes)}`);
    // A tenant other than the log's: the live check loads the SDK, then refuses before any request.
    const refused = runIn(full, 'kvdoctor', ['check', EXPECTED_FINDING.vault, '--subscription', SUBSCRIPTION, '--tenant', OTHER_TENANT, '--log', EXAMPLE]);
    expect('kvdoctor check (live) loads the Azure SDK and refuses a tenant off the allow-list', [refused.status, refused.stderr], [
      2,
      `kvdoctor: live check of ${EXPECTED_FINDING.vault}: tenant ${TENANT} (from the log) is not on the allow-list\n`,
    ]);

    line('\n@kvdoctor/diagnose tarball alone (its dependencies from the registry):');
    const library = installInto(join(work, 'diagnose'), [tarballs['@kvdoctor/diagnose']]);
    line(`  installed in ${library.seconds.toFixed(1)} s: ${mb(library.bytes)}`);
    expect('ES module: import { diagnose } diagnoses the example', evaluate(library, 'esm', LIBRARY_ESM, EXAMPLE), { finding: EXPECTED_FINDING, valid: true, oneSchema: true });
    expect('CommonJS: require() diagnoses the example', evaluate(library, 'cjs', LIBRARY_CJS, EXAMPLE), { finding: EXPECTED_FINDING, valid: true, oneSchema: true });
    for (const [file, code] of Object.entries(TYPED_CONSUMERS)) writeFileSync(join(library.dir, file), code);
    const typed = runIn(library, join(root, 'node_modules', '.bin', 'tsc'), ['--noEmit', '--strict', '--module', 'nodenext', '--types', '', ...Object.keys(TYPED_CONSUMERS)]);
    expect('TypeScript consumers (ES module and CommonJS) type-check against the published types', [typed.status, typed.stdout], [0, '']);
    importTimes(library, 'esm');
    importTimes(library, 'cjs');

    line('\nThe three library tarballs together (live-check brings the Azure SDK):');
    const all = installInto(join(work, 'libraries'), ['@kvdoctor/diagnose', '@kvdoctor/azure-ranges', '@kvdoctor/live-check'].map((n) => tarballs[n]));
    line(`  installed in ${all.seconds.toFixed(1)} s: ${mb(all.bytes)}`);
    expect('ES module: azure-ranges, live-check and its az-json entry load', evaluate(all, 'esm', ALL_ESM), ALL_EXPECTED);
    expect('CommonJS: azure-ranges, live-check and its az-json entry load', evaluate(all, 'cjs', ALL_CJS), ALL_EXPECTED);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  line(failures.length === 0 ? '\nrelease:check passed' : `\nrelease:check FAILED (${failures.length}):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  if (failures.length > 0) process.exitCode = 1;
}

main();
