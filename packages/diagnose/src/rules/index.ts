import type { Rule } from '../rule-kit/rule';
import firewall from './firewall/rule';

/** The registry: one line per family, sorted by id. `test/catalog.test.ts` checks it against the folders. */
export const rules = [
  firewall,
] as const satisfies readonly Rule[];
