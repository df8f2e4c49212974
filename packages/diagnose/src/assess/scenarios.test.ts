import { assess } from './assess';
import { findingOf, modelOf } from './fixtures';
import { NETWORK_SCENARIOS } from './scenarios/network.scenarios';
import { OPERATION_SCENARIOS } from './scenarios/operation.scenarios';
import { RBAC_SCENARIOS } from './scenarios/rbac.scenarios';
import type { Scenario } from './scenarios/scenario';
import { VerdictSchema } from './verdict';

const ALL: readonly Scenario[] = [...OPERATION_SCENARIOS, ...RBAC_SCENARIOS, ...NETWORK_SCENARIOS];

describe('assess scenarios (each encodes one documentation sentence)', () => {
  it('has at least 60 cases, unique names, each citing a Microsoft Learn sentence', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ALL.map((s) => s.name)).size).toBe(ALL.length);
    for (const s of ALL) {
      expect(s.doc.url).toMatch(/^https:\/\/learn\.microsoft\.com\/en-us\//);
      expect(s.doc.says.length).toBeGreaterThan(20);
    }
  });

  it.each(ALL.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const verdicts = assess(findingOf(s.finding.rule, s.finding.facts, s.finding.details), modelOf(s.model));
    for (const v of verdicts) expect(VerdictSchema.safeParse(v).success).toBe(true);
    expect(verdicts.find((v) => v.check === s.expect.check)).toEqual(s.expect);
    for (const check of s.absent ?? []) expect(verdicts.map((v) => v.check)).not.toContain(check);
  });
});
