import { escapeRegex } from '../rule-kit/patterns';
import { type ConfirmHit, markerConfirmer } from './confirm';

/**
 * Turns the rules' markers into the few regexes the scanner runs over every character of a log.
 * A trigger is a piece of a marker: it only pre-filters lines, the full marker is still required
 * inside the region before any rule runs.
 */

/** The compiled search: every match is at most `longest` characters and never holds a '\n'. */
export interface MarkerSearch {
  readonly regexes: readonly RegExp[];
  readonly longest: number;
  /** Whether a hit's line, with the lines around it, holds a whole marker. */
  readonly confirms: ConfirmHit;
}

// Rough share (per mille) of each character in CI log text; capitals and digits are rarest.
const FREQUENCY: Readonly<Record<string, number>> = {
  ' ': 150, e: 127, t: 91, a: 82, o: 75, i: 70, n: 67, s: 63, h: 61, r: 60, d: 43, l: 40, '.': 30, c: 28, u: 28,
  '/': 25, m: 24, w: 24, f: 22, '-': 20, g: 20, y: 20, p: 19, _: 15, ':': 15, b: 15, v: 10, "'": 10, '"': 10, ',': 10,
  k: 8, '=': 8, ';': 5, '(': 4, ')': 4, j: 2, x: 2, q: 1, z: 1,
};
const TRIGGER_LENGTH = 12;

function rarity(c: string): number {
  if (c >= 'A' && c <= 'Z') return 0.5;
  if (c >= '0' && c <= '9') return 2;
  return FREQUENCY[c] ?? 5;
}

/** The longest '\n'-free piece of a marker: a trigger never spans lines, so a hit has one line. */
function longestLine(marker: string): string {
  return marker.split('\n').reduce((best, piece) => (piece.length > best.length ? piece : best), '');
}

/**
 * The part of a marker the scan looks for: up to 12 characters starting at its rarest character.
 * V8 scans an alternation quickly only while few text positions can start a match, so starting
 * every trigger at a capital, digit or rare letter keeps one pass over the log fast.
 */
export function triggerOf(marker: string): string {
  const line = longestLine(marker);
  let best = 0;
  for (let i = 1; i <= line.length - 4; i++) if (rarity(line.charAt(i)) < rarity(line.charAt(best))) best = i;
  return line.slice(best, best + TRIGGER_LENGTH);
}

const CAPITAL_START = /^[A-Z0-9]/;

/**
 * The markers' triggers as two alternations, longest first: those starting with a capital or digit
 * (V8 skips most of the text between candidates) and the rest. Two passes beat one mixed pass: on
 * 100 MB of CI noise with the 57 markers of v0.1, ~55 + ~60 ms against ~140 ms, and splitting
 * further costs more than it saves (three passes over the capitals: ~165 ms).
 */
export function markerSearch(markers: Iterable<string>): MarkerSearch {
  const all = [...markers];
  // An empty trigger would match everywhere without advancing: no marker is that short.
  const triggers = [...new Set(all.map(triggerOf))].filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
  const groups = [triggers.filter((t) => CAPITAL_START.test(t)), triggers.filter((t) => !CAPITAL_START.test(t))];
  return {
    regexes: groups.filter((g) => g.length > 0).map((g) => new RegExp(g.map(escapeRegex).join('|'), 'g')),
    longest: triggers.reduce((n, t) => Math.max(n, t.length), 0),
    confirms: markerConfirmer(all),
  };
}
