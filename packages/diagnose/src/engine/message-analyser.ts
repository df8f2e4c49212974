import type { Rule } from '../rule-kit/rule';
import type { WindowLine } from '../rule-kit/window';
import type { MarkerSearch } from '../scan/triggers';
import { analyseMessage, type Found } from './analyse-message';
import { BoundedCache, detached } from './bounded-cache';

/** The step's lines before a message, copied out only when a rule reads them. */
export interface StepLines {
  readonly empty: boolean;
  current(): readonly WindowLine[];
}

/** What one message text gave: its candidate rules, and its findings when they need no context. */
interface Known {
  readonly candidates: readonly Rule[];
  readonly readsContext: boolean;
  found?: readonly Found[];
}

/**
 * Analyses messages, each distinct text once: a retry loop prints the same refusal thousands of
 * times, and its repeats then cost a hash each. The text compared is the normalised message, so
 * runner timestamps and prefixes do not make two repeats differ. A message whose families read
 * their step's earlier lines is analysed with those each time (its findings depend on them).
 */
export class MessageAnalyser {
  // Small bounds: a repeat is a short message seen again soon.
  private readonly known = new BoundedCache<Known>(2048, 4096);

  /**
   * The scanner's triggers (a piece of every marker): most messages of a region are the noise
   * around a hit and hold no marker, and a text without any trigger holds none; these few fast
   * passes tell so without a cache entry (whose key would be a fresh copy of the message).
   */
  private readonly triggers: readonly RegExp[];

  /** `search`: the scanner's own search over these rules' markers (its regexes are global, so copied). */
  constructor(
    private readonly rules: readonly Rule[],
    search: MarkerSearch,
  ) {
    this.triggers = search.regexes.map((re) => new RegExp(re.source));
  }

  /** `context`: the step's lines before the message, read only by rules that declare `stepContext`. */
  analyse(lines: readonly WindowLine[], context: StepLines): readonly Found[] {
    const text = lines.length === 1 ? (lines[0]?.text ?? '') : lines.map((l) => l.text).join('\n');
    if (!this.triggers.some((re) => re.test(text))) return [];
    let known = this.known.get(text);
    if (known === undefined) {
      const candidates = this.rules.filter((r) => r.markers.some((m) => text.includes(m)));
      known = { candidates, readsContext: candidates.some((r) => r.meta.stepContext === true) };
      this.known.set(text, known);
    }
    if (known.candidates.length === 0) return [];
    if (known.readsContext && !context.empty) return analyseMessage(lines, context.current(), known.candidates, this.rules);
    known.found ??= analyseMessage(lines, [], known.candidates, this.rules).map(detachedFacts);
    return known.found;
  }
}

/** The finding with its facts and details detached from the message text (cached findings must not keep a region alive). */
function detachedFacts(found: Found): Found {
  return { ...found, occurrence: { ...found.occurrence, facts: detached(found.occurrence.facts), details: detached(found.occurrence.details) } };
}
