import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explain, rules } from '@kvdoctor/diagnose';
import { reportJsonSchema } from '../packages/diagnose/src/report/json-schema';
import { AADSTS_TABLE, renderAadstsTable } from '../scripts/aadsts-table';
import { renderRuleDocs } from '../scripts/rule-docs';

// The catalog's own gate, as ESLint and trivy-checks keep theirs: every family is a complete folder,
// registered, documented, with generated docs and schema matching the code.
const root = join(__dirname, '..');
const rulesDir = join(root, 'packages', 'diagnose', 'src', 'rules');
const folders = readdirSync(rulesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe('rule catalog', () => {
  test.each(folders)('rules/%s has rule.ts, fixtures.ts and a rule.test.ts that runs testRule', (id) => {
    for (const f of ['rule.ts', 'fixtures.ts', 'rule.test.ts']) expect({ id, file: f, exists: existsSync(join(rulesDir, id, f)) }).toEqual({ id, file: f, exists: true });
    expect(readFileSync(join(rulesDir, id, 'rule.test.ts'), 'utf8')).toContain('testRule(rule, fixtures)');
  });

  test('the registry lists exactly the rule folders, sorted', () => {
    expect(rules.map((r) => r.meta.id)).toEqual(folders);
    expect(() => execFileSync(process.execPath, [join(root, 'scripts', 'register-rules.cjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  test('ids, aliases and codes are each claimed by one family only', () => {
    const names = rules.flatMap((r) => [r.meta.id, ...(r.meta.aliases ?? [])]);
    expect(names.length).toBe(new Set(names).size);
    const codes = rules.flatMap((r) => r.meta.codes.map((c) => c.toLowerCase()));
    const dupes = codes.filter((c, i) => codes.indexOf(c) !== i);
    expect(dupes).toEqual([]);
  });

  test('precedence metadata names real families', () => {
    for (const r of rules) for (const s of r.meta.supersedes ?? []) expect(folders).toContain(s);
  });

  test.each(rules.map((r) => [r.meta.id, r] as const))('%s explains itself without a log', (id) => {
    const e = explain(id);
    expect(e.ok).toBe(true);
    if (e.ok) {
      expect(e.value.causes.length).toBeGreaterThan(0);
      expect(e.value.fixes.length).toBeGreaterThan(0);
    }
  });

  test('docs/rules is generated from the rules (run `npx pnpm@10.34.0 docs` after changing one)', async () => {
    const files = await renderRuleDocs();
    const stale = [...files].filter(([rel, text]) => !existsSync(join(root, rel)) || readFileSync(join(root, rel), 'utf8') !== text).map(([rel]) => rel);
    expect(stale).toEqual([]);
    const extra = readdirSync(join(root, 'docs', 'rules')).map((f) => `docs/rules/${f}`).filter((f) => !files.has(f));
    expect(extra).toEqual([]);
  });

  test('the AADSTS table is generated from the saved Entra reference page (run `npx pnpm@10.34.0 docs` after refreshing it)', () => {
    expect(readFileSync(AADSTS_TABLE, 'utf8')).toBe(renderAadstsTable());
  });

  test('packages/diagnose/report.schema.json is generated from the zod Report', () => {
    const committed = readFileSync(join(root, 'packages', 'diagnose', 'report.schema.json'), 'utf8');
    expect(committed).toBe(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
  });
});
