import type { Rule } from '../rule-kit/rule';
import firewall from './firewall/rule';

/** The registry: one line per family, sorted by id (written by scripts/register-rules.cjs). */
export const rules = [
  firewall,
] as const satisfies readonly Rule[];
