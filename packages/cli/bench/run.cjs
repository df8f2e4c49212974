#!/usr/bin/env node
// kvdoctor diagnose --format json on a generated 100 MB pipeline log vs `grep -cE <markers>` on the
// same file: MB/s of both, their ratio and the CLI's peak RSS. Not part of `test`; run `pnpm bench`.
const { spawnSync } = require('node:child_process');
const { createWriteStream, readFileSync, rmSync, statSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..', '..', '..');
const bin = join(__dirname, '..', 'dist', 'kvdoctor.cjs');
const { rules } = require(join(root, 'packages', 'diagnose', 'dist', 'index.js'));

const SIZE_MB = Number(process.env.KVDOCTOR_BENCH_MB || 100);
const RUNS = 3;
const file = join(tmpdir(), `kvdoctor-bench-${SIZE_MB}mb.log`);
const rssFile = join(tmpdir(), `kvdoctor-bench-rss-${process.pid}`);

// Noise that looks like a long Azure Pipelines job: builds, tests, restores, and words close to the
// markers ("client", "address", "authorized") so the pre-filter has something to reject.
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
];
const ERROR = readFileSync(join(root, 'examples', 'azdo-variable-group-firewall.log'), 'utf8').trimEnd().split('\n').slice(2, 3)[0];

function generate() {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    const target = SIZE_MB * 1024 * 1024;
    let written = 0;
    let n = 0;
    let errors = 0;
    const write = () => {
      let ok = true;
      while (ok && written < target) {
        const lines = [];
        for (let i = 0; i < 2000; i++, n++) {
          const stamp = new Date(Date.UTC(2024, 4, 6, 14, 0, 0) + n * 7).toISOString().replace('Z', '0000Z');
          // One refusal about every 3 MB, buried among ~25 000 lines of noise.
          lines.push(n % 25000 === 12345 ? ERROR : `${stamp} ${NOISE[n % NOISE.length]}`);
          if (n % 25000 === 12345) errors++;
        }
        const chunk = `${lines.join('\n')}\n`;
        written += Buffer.byteLength(chunk);
        ok = out.write(chunk);
      }
      if (written < target) out.once('drain', write);
      else out.end(() => resolve(errors));
    };
    out.on('error', reject);
    write();
  });
}

function ere(marker) {
  return marker.replace(/[.[\]()*+?{}|^$\\]/g, '\\$&');
}

function best(runs) {
  return Math.min(...runs);
}

function time(command, args, env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status === null || r.status > 1) throw new Error(`${command} failed (${r.status}): ${String(r.stderr).slice(0, 400)}`);
  return { seconds, stdout: String(r.stdout) };
}

async function main() {
  const errors = await generate();
  const mb = statSync(file).size / (1024 * 1024);
  const markers = [...new Set(rules.flatMap((r) => r.markers))];
  const pattern = markers.map(ere).join('|');
  time('grep', ['-cE', pattern, file]); // warm the page cache for both
  const grep = [];
  const cli = [];
  let rss = 0;
  let findings = 0;
  for (let i = 0; i < RUNS; i++) {
    grep.push(time('grep', ['-cE', pattern, file]).seconds);
    const run = time(process.execPath, ['--require', join(__dirname, 'rss-probe.cjs'), bin, 'diagnose', '--format', 'json', file], { KVDOCTOR_RSS_FILE: rssFile });
    cli.push(run.seconds);
    rss = Math.max(rss, Number(readFileSync(rssFile, 'utf8')) / 1024);
    findings = JSON.parse(run.stdout)[0].report.findings.reduce((n, f) => n + f.count, 0);
  }
  const grepRate = mb / best(grep);
  const cliRate = mb / best(cli);
  console.log(`log:       ${file} (${mb.toFixed(1)} MB, ${errors} buried refusals; kvdoctor counted ${findings})`);
  console.log(`markers:   ${markers.length} (${markers.join(', ')})`);
  console.log(`grep -cE:  ${grepRate.toFixed(0)} MB/s (best of ${RUNS}: ${best(grep).toFixed(2)} s)`);
  console.log(`kvdoctor:  ${cliRate.toFixed(0)} MB/s (best of ${RUNS}: ${best(cli).toFixed(2)} s, diagnose --format json)`);
  console.log(`ratio:     ${(cliRate / grepRate).toFixed(2)} of grep's speed (target ≥ 0.50)`);
  console.log(`peak RSS:  ${rss.toFixed(0)} MB (target < 200 MB)`);
  rmSync(rssFile, { force: true });
  if (!process.env.KVDOCTOR_BENCH_KEEP) rmSync(file, { force: true });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
