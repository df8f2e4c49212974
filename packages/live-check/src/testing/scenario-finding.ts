import { type Details, type Facts, type Finding, FindingSchema } from '@kvdoctor/diagnose';

/** A finding as the engine reports it, with only the facts a scenario states (and the subscription hint). */
export function scenarioFinding(rule: string, facts: Facts, details: Details = {}): Finding {
  return FindingSchema.parse({
    rule,
    title: 'scenario',
    summary: 'scenario',
    severity: 'error',
    confidence: 'high',
    count: 1,
    facts,
    details,
    evidence: [{ line: 1, text: 'scenario' }],
    causes: ['scenario'],
    fixes: [{ title: 'scenario', steps: [], commands: [] }],
    docs: [{ title: 'Key Vault network security', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/network-security' }],
  });
}
