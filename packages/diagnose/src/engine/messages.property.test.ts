import fc from 'fast-check';
import { createDiagnoser, diagnose } from '../diagnose';
import type { Facts, Report } from '../report/schema';
import type { Fixture } from '../rule-kit/fixture';
import type { ScannerOptions } from '../scan/scanner';
import { rules } from '../rules';

/*
 * "Facts never bleed", in its honest form: a log made of K messages (fixtures of every family,
 * some moved to other vaults, with CI noise, runner prefixes and random chunking between them)
 * gives exactly the findings, facts included, that the K messages give one by one.
 */

// Each family's fixtures.ts gathers the family's split files (aad: fixtures-assertion,
// -credentials, -directory, -federation; rbac and soft-deleted: fixtures-look-alikes). Read by the
// registry's ids, so a new family joins the pool without an edit here.
function fixturesOf(id: string): readonly Fixture[] {
  const mod: unknown = require(`../rules/${id}/fixtures`);
  if (typeof mod !== 'object' || mod === null || !('fixtures' in mod) || !Array.isArray(mod.fixtures)) throw new Error(`rules/${id}/fixtures.ts exports no fixtures`);
  return mod.fixtures as readonly Fixture[];
}

const FAMILIES: Readonly<Record<string, readonly Fixture[]>> = Object.fromEntries(rules.map((r) => [r.meta.id, fixturesOf(r.meta.id)]));

/** A finding as this test compares it: the runner's timestamp is left out (prefixes add one). */
interface Seen {
  readonly rule: string;
  readonly count: number;
  readonly facts: Omit<Facts, 'timestamp'>;
}

function withoutTimestamp(facts: Facts): Omit<Facts, 'timestamp'> {
  const { timestamp: _ignored, ...rest } = facts;
  return rest;
}

function seen(report: Report): Seen[] {
  return report.findings.map((f) => ({ rule: f.rule, count: f.count, facts: withoutTimestamp(f.facts) }));
}

function sortedJson(value: object): string {
  return JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))));
}

/** Deterministic order, so a failing diff lines the findings up: by rule, then by facts. */
function ordered(findings: readonly Seen[]): Seen[] {
  return [...findings].sort((a, b) => a.rule.localeCompare(b.rule) || sortedJson(a.facts).localeCompare(sortedJson(b.facts)));
}

// The facts the engine groups repeats by (engine/collector.ts): same rule and these, lower-cased,
// is one finding whose count adds up and whose facts are the first sighting's, gaps filled later.
const IDENTITY = ['vault', 'clientIp', 'appId', 'objectId', 'objectName', 'aadCode', 'action', 'innerErrorCode'] as const;

function keyOf(f: Seen): string {
  return [f.rule, ...IDENTITY.map((k) => String(f.facts[k] ?? '').toLowerCase())].join('|');
}

/** The findings of messages read one by one (in log order), grouped as one log groups them. */
function merged(perMessage: readonly (readonly Seen[])[]): Seen[] {
  const groups = new Map<string, { rule: string; count: number; facts: Record<string, unknown> }>();
  for (const findings of perMessage) {
    for (const f of findings) {
      const key = keyOf(f);
      const group = groups.get(key);
      if (group === undefined) {
        groups.set(key, { rule: f.rule, count: f.count, facts: { ...f.facts } });
        continue;
      }
      group.count += f.count;
      for (const [k, v] of Object.entries(f.facts)) if (v !== undefined && group.facts[k] === undefined) group.facts[k] = v;
    }
  }
  return [...groups.values()] as Seen[];
}

// ---- The pool of messages ---------------------------------------------------------------------

interface Entry {
  /** family/fixture name: what a counterexample shows. */
  readonly id: string;
  readonly text: string;
  readonly alone: readonly Seen[];
  /** The vault name the text states, when it is safe to replace everywhere in the text. */
  readonly vault?: string;
}

// Every `match` fixture is a real message a log can hold; each is kept as long as it gives a finding
// on its own (all do today). None is excluded: even the flattened web-page quotes are one paragraph
// a log could print, and whatever else such a text contains is in its lone findings too.
const pool: readonly Entry[] = (() => {
  const out: Entry[] = [];
  const texts = new Set<string>();
  for (const [family, fixtures] of Object.entries(FAMILIES)) {
    for (const fixture of fixtures) {
      // A text two families share would only weigh twice in the draw.
      if (fixture.expect !== 'match' || texts.has(fixture.text)) continue;
      texts.add(fixture.text);
      const report = diagnose(fixture.text);
      if (report.findings.length === 0) continue;
      const vault = report.findings.map((f) => f.facts.vault).find((v) => v !== undefined);
      const id = `${family}/${fixture.name}`;
      const alone = seen(report);
      out.push(vault !== undefined && vault.length >= 3 && /^[A-Za-z0-9-]+$/.test(vault) ? { id, text: fixture.text, alone, vault } : { id, text: fixture.text, alone });
    }
  }
  return out;
})();
const byId = new Map(pool.map((e) => [e.id, e]));

/** The k-th message of a log, moved to vault kv-prop-<k> when asked (and when it names one). */
function messageText(entry: Entry, k: number, rename: boolean): string {
  if (!rename || entry.vault === undefined) return entry.text;
  const name = `kv-prop-${k}`;
  // Hosts are written lower-case ("myvault.vault.azure.net") even when the name is not.
  return entry.text.split(entry.vault).join(name).split(entry.vault.toLowerCase()).join(name);
}

const aloneCache = new Map<string, readonly Seen[]>();
/** The message's findings when it is the whole log (renamed texts are diagnosed once, then kept). */
function aloneFindings(entry: Entry, k: number, rename: boolean): readonly Seen[] {
  const text = messageText(entry, k, rename);
  if (text === entry.text) return entry.alone;
  let known = aloneCache.get(text);
  if (known === undefined) {
    known = seen(diagnose(text));
    aloneCache.set(text, known);
  }
  return known;
}

// ---- The log around the messages --------------------------------------------------------------

// Lines that start a new log record, as runners and shells print them between two steps' output.
const RECORD_STARTS = [
  '##[section]Starting: Step 3',
  '##[section]Starting: AzureCLI',
  '[command]/usr/bin/az account show --output none',
  '[command]/usr/bin/bash --noprofile --norc /home/vsts/work/_temp/8c1f6f0e-3a5e-4c51-9b0e-1f2d3c4b5a69.sh',
  '$ npm ci',
  '$ terraform plan -input=false',
  'Run azure/login@v2',
  'Run actions/checkout@v4',
];
// CI lines that carry no Key Vault fact.
const NEUTRAL = [
  'npm WARN deprecated inflight@1.0.6: This module is not supported, and leaks memory.',
  'Restored /home/vsts/work/1/s/src/App/App.csproj (in 1.21 sec).',
  'Passed!  - Failed: 0, Passed: 412',
  'added 1287 packages, and audited 1288 packages in 41s',
  'Determining projects to restore...',
  '',
];
const NOISE = [...NEUTRAL, ...RECORD_STARTS];

type PrefixStyle = 'none' | 'azure-devops' | 'github-actions' | 'gitlab';
const STYLES: readonly PrefixStyle[] = ['none', 'azure-devops', 'github-actions', 'gitlab'];
// Some fixtures were copied from a runner's log with its timestamps: a runner never stamps twice.
const ALREADY_STAMPED = /^\uFEFF?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z /;
const START = Date.parse('2024-05-06T14:02:12.902Z');

function prefixer(style: PrefixStyle): (line: string) => string {
  let n = 0;
  return (line) => {
    if (style === 'none' || ALREADY_STAMPED.test(line)) return line;
    const iso = new Date(START + 37 * n++).toISOString(); // 2024-05-06T14:02:12.902Z
    // Azure DevOps and GitHub Actions: seven fraction digits; GitLab: six and a stream marker.
    return style === 'gitlab' ? `${iso.slice(0, -1)}592Z 01O ${line}` : `${iso.slice(0, -1)}1447Z ${line}`;
  };
}

interface Part {
  readonly fixture: string;
  readonly rename: boolean;
  /** 0–3 lines of noise before the record start. */
  readonly noise: readonly string[];
  /** The record start printed right before the message. */
  readonly start: string;
}

interface Plan {
  readonly style: PrefixStyle;
  readonly parts: readonly Part[];
  readonly tail: readonly string[];
  readonly chunks: readonly number[];
}

function buildLog(plan: Plan): string {
  const prefix = prefixer(plan.style);
  const lines: string[] = [];
  plan.parts.forEach((part, k) => {
    const entry = byId.get(part.fixture);
    if (entry === undefined) throw new Error(`no fixture ${part.fixture}`);
    lines.push(...part.noise, part.start, ...messageText(entry, k, part.rename).split('\n'));
  });
  lines.push(...plan.tail);
  return lines.map(prefix).join('\n');
}

function expectedFindings(plan: Plan): Seen[] {
  return ordered(
    merged(
      plan.parts.map((part, k) => {
        const entry = byId.get(part.fixture);
        if (entry === undefined) throw new Error(`no fixture ${part.fixture}`);
        return aloneFindings(entry, k, part.rename);
      }),
    ),
  );
}

function streamed(text: string, chunks: readonly number[], scanner?: Partial<ScannerOptions>): Report {
  const d = createDiagnoser(scanner === undefined ? {} : { scanner });
  for (let at = 0, i = 0; at < text.length; i++) {
    const size = chunks[i % chunks.length] ?? 1;
    d.write(text.slice(at, at + size));
    at += size;
  }
  return d.end();
}

function checkPlan(plan: Plan): void {
  const actual = ordered(seen(streamed(buildLog(plan), plan.chunks)));
  expect(actual).toEqual(expectedFindings(plan));
}

const part: fc.Arbitrary<Part> = fc.record({
  fixture: fc.constantFrom(...pool.map((e) => e.id)),
  rename: fc.boolean(),
  noise: fc.array(fc.constantFrom(...NOISE), { maxLength: 3 }),
  start: fc.constantFrom(...RECORD_STARTS),
});

function plans(minK: number, maxK: number): fc.Arbitrary<Plan> {
  return fc.record({
    style: fc.constantFrom(...STYLES),
    parts: fc.array(part, { minLength: minK, maxLength: maxK }),
    tail: fc.array(fc.constantFrom(...NEUTRAL), { maxLength: 2 }),
    chunks: fc.array(fc.integer({ min: 1, max: 4096 }), { minLength: 1, maxLength: 8 }),
  });
}

// ---- Tests ------------------------------------------------------------------------------------

describe('a log of K messages gives the findings the K messages give one by one', () => {
  test('the pool holds every family, each message with its lone findings', () => {
    expect(new Set(pool.map((e) => e.id.split('/')[0]))).toEqual(new Set(Object.keys(FAMILIES)));
    expect(pool.every((e) => e.alone.length > 0)).toBe(true);
  });

  test('K from 2 to 6, fixtures of every family, other vaults, noise, runner prefixes, random chunks', () => {
    fc.assert(
      fc.property(plans(2, 6), (plan) => {
        checkPlan(plan);
      }),
      { numRuns: 150 },
    );
  });
});

describe('where the scanner cuts regions does not change the report', () => {
  // The whole log is read either way (context reaches back to the start, no line after a hit is
  // needed): one region holding every hit, or a region per hit, each starting where the last ended.
  // Messages, their records and the step context run on across the cuts.
  const oneRegion = { before: 100_000, after: 0, maxRegionHits: 100_000 };
  const regionPerHit = { before: 100_000, after: 0, maxRegionHits: 1 };

  test('K from 2 to 6: one region or one region per hit, the same report, facts, counts and evidence included', () => {
    fc.assert(
      fc.property(plans(2, 6), (plan) => {
        const log = buildLog(plan);
        expect(streamed(log, plan.chunks, regionPerHit)).toEqual(streamed(log, plan.chunks, oneRegion));
      }),
      { numRuns: 150 },
    );
  });

  test('lines cut every 300 characters too: a cut falls inside messages, and a region ends inside a cut line', () => {
    const cut = { maxLine: 300 };
    fc.assert(
      fc.property(plans(2, 6), (plan) => {
        const log = buildLog(plan);
        expect(streamed(log, plan.chunks, { ...regionPerHit, ...cut })).toEqual(streamed(log, plan.chunks, { ...oneRegion, ...cut }));
      }),
      { numRuns: 150 },
    );
  });
});

describe('facts stay with their own message (examples)', () => {
  const azFirewall = (vault: string, ip: string, secret: string): string[] => [
    `$ az keyvault secret show --vault-name ${vault} --name ${secret}`,
    'ERROR: (Forbidden) Client address is not authorized and caller is not a trusted service.',
    `Client address: ${ip}`,
    'Caller: appid=04b07795-8ddb-461a-bbee-02f9e1bf7b46;oid=6a1a7f4e-95d1-4d3b-8f0a-2b8c8d2f1c11;iss=https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
    `Vault: ${vault};location=westeurope`,
    'Code: Forbidden',
    'Message: Client address is not authorized and caller is not a trusted service.',
    `Client address: ${ip}`,
    'Caller: appid=04b07795-8ddb-461a-bbee-02f9e1bf7b46;oid=6a1a7f4e-95d1-4d3b-8f0a-2b8c8d2f1c11;iss=https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
    `Vault: ${vault};location=westeurope`,
    'Inner error: {',
    '    "code": "ForbiddenByFirewall"',
    '}',
  ];

  test('two firewall refusals of different vaults back to back are two findings, each with its own vault and address', () => {
    const log = [...azFirewall('kv-alpha', '20.42.5.9', 'db-password'), ...azFirewall('kv-beta', '52.168.1.77', 'api-key')].join('\n');
    const findings = diagnose(log).findings.map((f) => ({ rule: f.rule, count: f.count, vault: f.facts.vault, clientIp: f.facts.clientIp }));
    expect(findings.sort((a, b) => String(a.vault).localeCompare(String(b.vault)))).toEqual([
      { rule: 'firewall', count: 1, vault: 'kv-alpha', clientIp: '20.42.5.9' },
      { rule: 'firewall', count: 1, vault: 'kv-beta', clientIp: '52.168.1.77' },
    ]);
    // And each gives exactly what it gives alone.
    const alone = [azFirewall('kv-alpha', '20.42.5.9', 'db-password'), azFirewall('kv-beta', '52.168.1.77', 'api-key')].map((l) => seen(diagnose(l.join('\n'))));
    expect(ordered(seen(diagnose(log)))).toEqual(ordered(merged(alone)));
  });

  test('the same message repeated 3 times with noise between is one finding with count 3', () => {
    const message = azFirewall('kv-alpha', '20.42.5.9', 'db-password');
    const log = [
      ...message,
      'npm WARN deprecated inflight@1.0.6: This module is not supported, and leaks memory.',
      ...message,
      'Restored /home/vsts/work/1/s/src/App/App.csproj (in 1.21 sec).',
      '##[section]Starting: Step 3',
      ...message,
    ].join('\n');
    const alone = seen(diagnose(message.join('\n')));
    expect(alone).toHaveLength(1);
    expect(seen(diagnose(log))).toEqual([{ ...alone[0], count: 3 }]);
  });
});
