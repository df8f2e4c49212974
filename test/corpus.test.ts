import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { diagnose, rules } from '@kvdoctor/diagnose';

/** Where a snippet was printed: a CI, a hosting service, a tool or an SDK. Closed, so a typo cannot open a new column. */
const PLATFORMS = [
  'aks', 'ansible', 'app-service', 'arm-deployment', 'az-cli', 'azure-devops', 'container-apps', 'data-factory', 'databricks', 'docs', 'functions',
  'github-actions', 'gitlab', 'helm', 'kubernetes', 'other', 'portal', 'power-automate', 'powershell', 'pulumi', 'sdk', 'sdk-dotnet',
  'sdk-go', 'sdk-java', 'sdk-js', 'sdk-python', 'sdk-r', 'sdk-rust', 'storage-explorer', 'synapse', 'terraform',
] as const;

const EntrySchema = z.object({
  id: z.string().min(1),
  labels: z.array(z.string()),
  platform: z.enum(PLATFORMS),
  source: z.string().url().startsWith('https://'),
  text: z.string().min(1),
});
type Entry = z.infer<typeof EntrySchema>;

// One file per batch of snippets (see corpus/README.md), so batches gathered in parallel never collide.
const dir = join(__dirname, 'corpus');
const entries: Entry[] = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((file) =>
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .map((l, i) => ({ l, at: `${file} line ${i + 1}` }))
      .filter(({ l }) => l.trim() !== '')
      .map(({ l, at }) => {
        const parsed = EntrySchema.safeParse(JSON.parse(l));
        if (!parsed.success) throw new Error(`${at}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
        return parsed.data;
      }),
  );
const families = rules.map((r) => r.meta.id);
const results = entries.map((e) => ({ entry: e, predicted: [...new Set(diagnose(e.text).findings.map((f) => f.rule))].sort() }));

interface Score {
  tp: number;
  fn: number;
  fp: number;
}
const scores = new Map<string, Score>(families.map((f) => [f, { tp: 0, fn: 0, fp: 0 }]));
for (const { entry, predicted } of results) {
  for (const f of families) {
    const s = scores.get(f) ?? { tp: 0, fn: 0, fp: 0 };
    const want = entry.labels.includes(f);
    const got = predicted.includes(f);
    if (want && got) s.tp++;
    else if (want) s.fn++;
    else if (got) s.fp++;
  }
}

// The same counts per platform: a rule can fit one CI's wording and miss another's.
const byPlatform = new Map<string, Score & { snippets: number; negatives: number }>();
for (const { entry, predicted } of results) {
  const s = byPlatform.get(entry.platform) ?? { tp: 0, fn: 0, fp: 0, snippets: 0, negatives: 0 };
  s.snippets++;
  if (entry.labels.length === 0) s.negatives++;
  s.tp += entry.labels.filter((l) => predicted.includes(l)).length;
  s.fn += entry.labels.filter((l) => !predicted.includes(l)).length;
  s.fp += predicted.filter((p) => !entry.labels.includes(p)).length;
  byPlatform.set(entry.platform, s);
}

afterAll(() => {
  const pct = (n: number, d: number): string => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
  const row = (name: string, s: Score): string => `  ${name.padEnd(32)} recall ${pct(s.tp, s.tp + s.fn)}  precision ${pct(s.tp, s.tp + s.fp)}`;
  const familyRows = families.map((f) => {
    const s = scores.get(f) ?? { tp: 0, fn: 0, fp: 0 };
    return `${row(f, s)}  (${s.tp + s.fn} labelled)`;
  });
  const platformRows = [...byPlatform.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([p, s]) => `${row(p, s)}  (${s.snippets} snippets, ${s.negatives} negatives)`);
  const negatives = entries.filter((e) => e.labels.length === 0).length;
  process.stdout.write(
    `\nCorpus: ${entries.length} snippets, ${negatives} without a Key Vault refusal\nPer family:\n${familyRows.join('\n')}\nPer platform:\n${platformRows.join('\n')}\n`,
  );
});

describe('labelled corpus', () => {
  test('entries are unique, labelled with known families and cited', () => {
    const ids = entries.map((e) => e.id);
    expect(ids.length).toBe(new Set(ids).size);
    const unknown = entries.flatMap((e) => e.labels.filter((l) => !families.includes(l)).map((l) => `${e.id}: ${l}`));
    expect(unknown).toEqual([]);
  });

  test('the README states the counts the files hold', () => {
    const negatives = entries.filter((e) => e.labels.length === 0).length;
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain(`${entries.length} snippets: ${entries.length - negatives} positives, ${negatives} without a Key Vault refusal`);
  });

  test('every family is found wherever it is labelled (100% recall)', () => {
    const missed = results.flatMap(({ entry, predicted }) => entry.labels.filter((l) => !predicted.includes(l)).map((l) => `${entry.id}: missed ${l}`));
    expect(missed).toEqual([]);
  });

  test('nothing is claimed in text that holds no Key Vault refusal', () => {
    const claims = results.filter(({ entry }) => entry.labels.length === 0 && true).flatMap(({ entry, predicted }) => predicted.map((p) => `${entry.id}: claimed ${p}`));
    expect(claims).toEqual([]);
  });

  test('no family is reported that the snippet is not labelled with', () => {
    const extra = results.flatMap(({ entry, predicted }) => predicted.filter((p) => !entry.labels.includes(p)).map((p) => `${entry.id}: extra ${p}`));
    expect(extra).toEqual([]);
  });
});
