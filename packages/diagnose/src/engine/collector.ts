import type { Confidence, Details, Evidence, Facts } from '../report/schema';
import type { MaskedEvidence } from './analyse-message';
import { higherConfidence } from '../rule-kit/confidence';
import { fillMissing } from '../rule-kit/fill-missing';
import type { Rule } from '../rule-kit/rule';

/** One family's error, merged across every place it was repeated. */
export interface Group {
  readonly rule: Rule;
  facts: Facts;
  details: Details;
  confidence: Confidence;
  count: number;
  readonly evidence: Evidence[];
  /** Secrets masked in the evidence. */
  readonly redactions: number;
}

// Facts that tell two errors apart; ids and timestamps differ between repeats of one error.
const IDENTITY: readonly (keyof Facts)[] = ['vault', 'clientIp', 'appId', 'objectId', 'objectName', 'aadCode', 'action', 'innerErrorCode'];

// A repeated message's findings are the analyser's cached ones, the same facts object each time:
// its key is built once, and a retry loop's repeats cost a lookup here too.
const keys = new WeakMap<Facts, string>();

function keyOf(rule: Rule, facts: Facts): string {
  let key = keys.get(facts);
  if (key === undefined) {
    key = IDENTITY.map((k) => String(facts[k] ?? '').toLowerCase()).join('|');
    keys.set(facts, key);
  }
  return `${rule.meta.id}|${key}`;
}

export class Collector {
  private readonly groups = new Map<string, Group>();

  /** `evidence` is built only for the first of a group's repeats, the one a report shows. */
  add(rule: Rule, facts: Facts, details: Details, confidence: Confidence, evidence: () => MaskedEvidence): void {
    const key = keyOf(rule, facts);
    const group = this.groups.get(key);
    if (group === undefined) {
      this.groups.set(key, { rule, facts, details, confidence, count: 1, ...evidence() });
      return;
    }
    group.count++;
    group.facts = fillMissing(group.facts, facts);
    group.details = fillMissing(group.details, details);
    group.confidence = higherConfidence(group.confidence, confidence);
  }

  all(): Group[] {
    return [...this.groups.values()];
  }
}
