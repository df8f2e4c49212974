import type { Confidence, Details, Facts } from '../report/schema';
import { extractCommon } from '../facts/common';
import { fillMissing } from './fill-missing';
import { mergeRestatements } from './restatements';
import type { Occurrence } from './rule';
import type { Window } from './window';

export interface OccurrenceSpec {
  /** The sentence (or code) that identifies one message of this family; must be global (`g`). */
  readonly anchor: RegExp;
  /**
   * A weaker sign (an inner error code alone) counted only where no anchor is near, for texts
   * that lost the sentence (a task banner, a truncated body). Global.
   */
  readonly support?: RegExp;
  /** Logical lines before the anchor that may belong to the message (a URL, a wrapper). */
  readonly before?: number;
  /** Logical lines after the anchor that may belong to the message (Caller, Vault …). */
  readonly after?: number;
  /** Family-specific facts from the message block, merged over the common ones. */
  readonly extract?: (block: string, anchorText: string) => { facts?: Facts; details?: Details; confidence?: Confidence } | undefined;
  /** Confidence when `extract` does not say (default high for anchors, medium for support). */
  readonly confidence?: Confidence;
}

interface Hit {
  /** Index of the logical line. */
  readonly index: number;
  /** Offset of the match in `window.text`. */
  readonly at: number;
}

function lineHits(window: Window, re: RegExp, accept?: (at: number, end: number) => boolean): Hit[] {
  const out: Hit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(window.text); m !== null; m = re.exec(window.text)) {
    if (accept && !accept(m.index, m.index + m[0].length)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const index = window.indexAt(m.index);
    if (out[out.length - 1]?.index !== index) out.push({ index, at: m.index });
    // Continue from the next line: one occurrence per logical line is enough.
    const next = window.startOf(index + 1);
    re.lastIndex = next > m.index ? next : m.index + 1;
  }
  return out;
}

// An inner code that is one branch of a pattern ("Forbidden|Unauthorized|ForbiddenByRbac" in a
// script's retry filter) names what the script expects to see, not what a service answered.
function inAlternation(text: string, at: number, end: number): boolean {
  return text[at - 1] === '|' || text[end] === '|';
}

// A page pasted as one line (a flattened doc, a minified JSON dump) holds several errors on one
// logical line; its facts are read only near the anchor: the URL and wrapper come shortly before
// a message, its Caller/Vault/inner code within a few hundred characters after.
const LONG_LINE = 1500;
/** Lines of its own message before an anchor that its block may take, past the rule's `before`. */
const MESSAGE_HEAD = 16;
const CHARS_BEFORE = 250;
const CHARS_AFTER = 900;

// Facts only the message itself states: a masked one must stay absent rather than be taken from the
// previous message.
const MESSAGE_ONLY: readonly (keyof Facts)[] = ['clientIp', 'appId', 'objectId', 'tenantId', 'action', 'location', 'aadCode'];

function withoutMessageFacts(facts: Facts): Facts {
  const out: Facts = { ...facts };
  for (const k of MESSAGE_ONLY) delete out[k];
  return out;
}

function pickHttp(facts: Facts): Facts {
  const out: Facts = {};
  if (facts.httpStatus !== undefined) out.httpStatus = facts.httpStatus;
  if (facts.errorCode !== undefined) out.errorCode = facts.errorCode;
  if (facts.innerErrorCode !== undefined) out.innerErrorCode = facts.innerErrorCode;
  return out;
}

function blockText(window: Window, from: number, to: number, at: number): string {
  const block = window.slice(from, to);
  if (block.length <= LONG_LINE) return block;
  return window.text.slice(Math.max(window.startOf(from), at - CHARS_BEFORE), at + CHARS_AFTER);
}

/**
 * The common matching recipe: each anchor line starts one occurrence, whose message block runs
 * from a few lines before it to a few after, never into the neighbouring occurrence.
 */
export function findOccurrences(window: Window, spec: OccurrenceSpec): Occurrence[] {
  const before = spec.before ?? 6;
  const after = spec.after ?? 14;
  const inMessage = (h: Hit): boolean => h.index >= window.messageStart;
  const anchors = lineHits(window, spec.anchor)
    .filter(inMessage)
    .map((h) => ({ ...h, strong: true }));
  const supports = spec.support ? lineHits(window, spec.support, (at, end) => !inAlternation(window.text, at, end)).filter(inMessage) : [];
  // Both lists are in line order, so one walk finds each support's nearest anchors: a message
  // holding thousands of each stays linear.
  const strong = [...anchors];
  let k = 0;
  for (const s of supports) {
    while (k < strong.length && (strong[k]?.index ?? 0) < s.index - after) k++;
    const near = k < strong.length && (strong[k]?.index ?? 0) <= s.index + 2;
    if (!near) anchors.push({ ...s, strong: false });
  }
  anchors.sort((a, b) => a.index - b.index);
  // Support lines close together are one message (a code repeated in a wrapper and its body).
  const merged = anchors.filter((a, i) => a.strong || i === 0 || (anchors[i - 1]?.index ?? -Infinity) < a.index - after);
  // A wrapper that prints the body's message again ("(Forbidden) X" then "Message: X") is one error.
  return mergeRestatements(window, merged.map((a, i) => {
    const prev = merged[i - 1];
    const next = merged[i + 1];
    // A message's own head counts even past `before` (Go's azcore error prints the request line, a
    // rule, the status and the code before its JSON body), as long as it stays a short head.
    const head = window.messageStart >= a.index - MESSAGE_HEAD ? Math.min(window.messageStart, a.index - before) : a.index - before;
    const from = Math.max(head, prev ? prev.index + 1 : 0, window.cutAtOrBefore(a.index));
    const to = Math.min(a.index + after, next ? next.index - 1 : window.lines.length - 1, window.cutAfter(a.index) - 1);
    // The anchor's own line and what follows belong to this message; the lines before it (a URL, a
    // wrapper, the end of the previous message) only fill identity facts the message does not state.
    // The status and codes keep document order: wrappers print "Code: Forbidden" before the message
    // and the inner code after it.
    const own = blockText(window, a.index, to, a.at);
    const lead = from < a.index ? window.slice(from, a.index - 1).slice(-LONG_LINE) : '';
    const block = lead === '' ? own : `${own}\n${lead}`;
    const inOrder = extractCommon(lead === '' ? own : `${lead}\n${own}`);
    const ownFirst = lead === '' ? inOrder : extractCommon(own);
    const common = {
      facts: { ...fillMissing(ownFirst.facts, withoutMessageFacts(inOrder.facts)), ...pickHttp(inOrder.facts) },
      details: fillMissing(ownFirst.details, inOrder.details),
    };
    const extra = spec.extract?.(block, window.lineText(a.index));
    const timestamp = common.facts.timestamp ?? window.lines[a.index]?.timestamp;
    const facts: Facts = { ...common.facts, ...extra?.facts };
    if (timestamp !== undefined && facts.timestamp === undefined) facts.timestamp = timestamp;
    return {
      anchor: a.index,
      from,
      to,
      facts,
      details: { ...common.details, ...extra?.details },
      confidence: extra?.confidence ?? spec.confidence ?? (a.strong ? 'high' : 'medium'),
      strong: a.strong,
    };
  }));
}
