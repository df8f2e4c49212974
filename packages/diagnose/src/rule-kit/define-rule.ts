import { RuleIdSchema } from '../report/schema';
import { KvdoctorError } from '../errors';
import type { Rule } from './rule';

/** Typed factory for a rule (like ESLint's createRule): checks the metadata once, at load time. */
export function defineRule(rule: Rule): Rule {
  const id = RuleIdSchema.safeParse(rule.meta.id);
  if (!id.success) {
    throw new KvdoctorError('invalid-rule', `rule id "${rule.meta.id}" is not kebab-case`);
  }
  if (rule.markers.length === 0) {
    throw new KvdoctorError('invalid-rule', `rule "${rule.meta.id}" declares no markers`);
  }
  if (rule.meta.docs.length === 0) {
    throw new KvdoctorError('invalid-rule', `rule "${rule.meta.id}" declares no docs link`);
  }
  return rule;
}
