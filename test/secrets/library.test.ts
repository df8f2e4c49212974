import { diagnose, redact, type Finding } from '@kvdoctor/diagnose';
import { leaks } from './leaks';
import { caseLog, corpusLog, PLANTED, vaultOf } from './planted';

const LOG = corpusLog();
const report = diagnose(LOG);

function findingOf(index: number): Finding | undefined {
  return report.findings.find((f) => f.facts.vault === vaultOf(index));
}

describe('the planted-secret corpus', () => {
  test('holds at least 60 kinds and placements, each secret in the log (so a leak check can fail)', () => {
    expect(PLANTED.length).toBeGreaterThanOrEqual(60);
    expect(leaks(LOG, PLANTED)).toEqual(PLANTED.map((p) => p.name));
  });

  test('each case is its own finding, its secret inside what the finding shows', () => {
    let line = 2;
    PLANTED.forEach((p, i) => {
      const finding = findingOf(i);
      expect({ case: p.name, rule: finding?.rule }).toEqual({ case: p.name, rule: 'firewall' });
      const planted = (p.lines ?? []).map((_, k) => line + 1 + k);
      const shown = new Set(finding?.evidence.map((e) => e.line));
      // A line the terminal wrapped is joined back to the one before it, and shown under that number.
      expect({ case: p.name, missing: planted.filter((n) => !shown.has(n) && !shown.has(n - 1)) }).toEqual({ case: p.name, missing: [] });
      if (p.url !== undefined) expect({ case: p.name, url: finding?.facts.requestUrl?.includes('[REDACTED:') }).toEqual({ case: p.name, url: true });
      line += 1 + planted.length;
    });
    expect(report.findings).toHaveLength(PLANTED.length);
  });
});

describe('no planted secret leaks from the library', () => {
  test('the Report (every fact, detail, evidence line, summary and fix), as JSON', () => {
    expect(leaks(JSON.stringify(report), PLANTED)).toEqual([]);
    expect(report.stats.redactions).toBeGreaterThanOrEqual(PLANTED.length);
  });

  test.each(PLANTED.map((p, i) => [p.name, i] as const))('%s, diagnosed alone', (_, i) => {
    const p = PLANTED[i];
    if (p === undefined) throw new Error('no case');
    expect(leaks(JSON.stringify(diagnose(caseLog(p, i))), [p])).toEqual([]);
  });

  test('redact() over the whole log', () => {
    const r = redact(LOG);
    expect(leaks(r.text, PLANTED)).toEqual([]);
    expect(r.count).toBeGreaterThanOrEqual(PLANTED.length);
  });
});
