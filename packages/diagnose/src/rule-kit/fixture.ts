import type { Details, Facts } from '../report/schema';

/**
 * One literal text for a rule's tests. `match`: the rule must report it; `no-match`: it must not
 * (look-alikes from other services, texts owned by another family); `known-gap`: should match but
 * does not yet (the test fails once it starts matching, so the gap is closed on purpose).
 */
export interface Fixture {
  readonly name: string;
  /** Public address of the text (issue, doc, blog); required, so every fixture can be checked. */
  readonly source: string;
  readonly text: string;
  readonly expect: 'match' | 'no-match' | 'known-gap';
  /** Exact values of these facts (a key set to undefined asserts the fact is absent). */
  readonly facts?: Partial<Record<keyof Facts, unknown>>;
  readonly details?: Partial<Record<keyof Details, unknown>>;
  /** Each must equal the text of some command in the finding's fixes. */
  readonly commands?: readonly string[];
  readonly count?: number;
}
