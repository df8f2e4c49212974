#!/usr/bin/env node
// Builds the Teams app package: appPackage/manifest.json with the bot's app id filled in, plus the
// two icons, zipped as Teams' "Upload a custom app" expects (files at the zip's root).
//   node scripts/package-app.cjs --bot-id <GUID> [--version 1.2.3] [--out path.zip]
//   node scripts/package-app.cjs --validate <manifest.json>   (prints schema problems as JSON; exit 1 if any)
// The bot id defaults to $MicrosoftAppId. The manifest is checked against its bundled JSON schema
// (offline) before anything is written.
'use strict';
const { readFileSync, mkdirSync, createWriteStream } = require('node:fs');
const { join, dirname, resolve } = require('node:path');
const { ZipFile } = require('yazl');

const PLACEHOLDER = '00000000-0000-0000-0000-000000000000';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^\d+\.\d+\.\d+$/;
const appDir = join(__dirname, '..', 'appPackage');

function fail(message) {
  process.stderr.write(`package-app: ${message}\n`);
  process.exit(2);
}

function option(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The manifest with the bot id (and optionally version) filled in; pure, so tests call it too. */
function buildManifest(template, botId, version) {
  if (!GUID.test(botId ?? '')) throw new Error(`the bot id must be the bot's Microsoft Entra app id (a GUID); got "${String(botId ?? '').slice(0, 40)}"`);
  if (version !== undefined && !SEMVER.test(version)) throw new Error(`--version must look like 1.2.3; got "${version.slice(0, 20)}"`);
  const manifest = JSON.parse(template.replaceAll(PLACEHOLDER, botId.toLowerCase()));
  return version === undefined ? manifest : { ...manifest, version };
}

/** Schema problems, checked against the schema bundled in @microsoft/app-manifest (no network). */
async function schemaProblems(manifest) {
  const { AppManifestUtils } = require('@microsoft/app-manifest');
  const pkg = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const schemaFile = join(pkg, 'build', 'json-schemas', 'teams', `v${manifest.manifestVersion}`, 'MicrosoftTeams.schema.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  return AppManifestUtils.validateAgainstSchema(manifest, schema);
}

async function validateFile(file) {
  const problems = await schemaProblems(JSON.parse(readFileSync(file, 'utf8')));
  process.stdout.write(`${JSON.stringify(problems)}\n`);
  process.exit(problems.length === 0 ? 0 : 1);
}

async function main() {
  const toValidate = option('validate');
  if (toValidate !== undefined) return validateFile(toValidate);
  const botId = option('bot-id') ?? process.env.MicrosoftAppId;
  const out = resolve(option('out') ?? join(appDir, 'build', 'kvdoctor-teams.zip'));
  let manifest;
  try {
    manifest = buildManifest(readFileSync(join(appDir, 'manifest.json'), 'utf8'), botId, option('version'));
  } catch (err) {
    fail(err.message);
  }
  const problems = await schemaProblems(manifest);
  if (problems.length > 0) fail(`manifest.json does not match its schema:\n  ${problems.join('\n  ')}`);
  mkdirSync(dirname(out), { recursive: true });
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json');
  zip.addFile(join(appDir, 'color.png'), 'color.png');
  zip.addFile(join(appDir, 'outline.png'), 'outline.png');
  zip.end();
  await new Promise((done, error) => zip.outputStream.pipe(createWriteStream(out)).on('close', done).on('error', error));
  process.stdout.write(`wrote ${out} (bot ${manifest.bots[0].botId}, version ${manifest.version})\n`);
}

if (require.main === module) main();
module.exports = { buildManifest, schemaProblems, PLACEHOLDER };
