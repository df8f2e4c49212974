import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { diagnose, rules } from '@kvdoctor/diagnose';

const EntrySchema = z.object({
  id: z.string().min(1),
  labels: z.array(z.string()),
  platform: z.string().min(1),
  source: z.string().url().startsWith('https://'),
  text: z.string().min(1),
});
type Entry = z.infer<typeof EntrySchema>;

const lines = readFileSync(join(__dirname, 'corpus', 'corpus.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
const entries: Entry[] = lines.map((l, i) => {
  const parsed = EntrySchema.safeParse(JSON.parse(l));
  if (!parsed.success) throw new Error(`corpus.jsonl line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
  return parsed.data;
});
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

afterAll(() => {
  const pct = (n: number, d: number): string => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
  const rows = families.map((f) => {
    const s = scores.get(f) ?? { tp: 0, fn: 0, fp: 0 };
    return `  ${f.padEnd(32)} recall ${pct(s.tp, s.tp + s.fn)}  precision ${pct(s.tp, s.tp + s.fp)}  (${s.tp + s.fn} labelled)`;
  });
  const negatives = entries.filter((e) => e.labels.length === 0).length;
  process.stdout.write(`\nCorpus: ${entries.length} snippets, ${negatives} without a Key Vault refusal\n${rows.join('\n')}\n`);
});

describe('labelled corpus', () => {
  test('entries are unique, labelled with known families and cited', () => {
    const ids = entries.map((e) => e.id);
    expect(ids.length).toBe(new Set(ids).size);
    const unknown = entries.flatMap((e) => e.labels.filter((l) => !families.includes(l)).map((l) => `${e.id}: ${l}`));
    expect(unknown).toEqual([]);
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
