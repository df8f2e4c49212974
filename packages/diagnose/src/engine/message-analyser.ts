import type { Rule } from '../rule-kit/rule';
import type { WindowLine } from '../rule-kit/window';
import { analyseMessage, type Found } from './analyse-message';
import { BoundedCache } from './bounded-cache';

/**
 * Analyses messages, each distinct text once: a retry loop prints the same refusal thousands of
 * times, and its repeats then cost a hash each. The text compared is the normalised message, so
 * runner timestamps and prefixes do not make two repeats differ.
 */
export class MessageAnalyser {
  // Small bounds: a repeat is a short message seen again soon; facts kept here are cut from keys.
  private readonly known = new BoundedCache<readonly Found[]>(1024, 16 * 1024);
  private readonly candidates = new BoundedCache<readonly Rule[]>(2048, 16 * 1024);

  constructor(private readonly rules: readonly Rule[]) {}

  /** `context`: the step's lines before the message, read only by rules that declare `stepContext`. */
  analyse(lines: readonly WindowLine[], context: readonly WindowLine[]): readonly Found[] {
    const text = textOf(lines);
    const candidates = this.candidates.get(text) ?? this.rememberCandidates(text);
    if (candidates.length === 0) return [];
    const readsContext = context.length > 0 && candidates.some((r) => r.meta.stepContext === true);
    const key = readsContext ? `${textOf(context)}\n\u0000${text}` : text;
    const known = this.known.get(key);
    if (known !== undefined) return known;
    const found = analyseMessage(lines, readsContext ? context : [], candidates, this.rules).map(detachedFacts);
    this.known.set(key, found);
    return found;
  }

  private rememberCandidates(text: string): readonly Rule[] {
    const candidates = this.rules.filter((r) => r.markers.some((m) => text.includes(m)));
    this.candidates.set(text, candidates);
    return candidates;
  }
}

function textOf(lines: readonly WindowLine[]): string {
  return lines.length === 1 ? (lines[0]?.text ?? '') : lines.map((l) => l.text).join('\n');
}

/**
 * The finding with its facts and details copied out of the message text they were cut from (V8
 * keeps a substring as a view of its parent): a cached finding must not keep its region alive.
 */
function detachedFacts(found: Found): Found {
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  return { ...found, occurrence: { ...found.occurrence, facts: copy(found.occurrence.facts), details: copy(found.occurrence.details) } };
}
