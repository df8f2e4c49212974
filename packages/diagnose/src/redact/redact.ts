import { detectAssignments } from './assignments';
import { detectAuthHeaders } from './auth-header';
import { detectCiCommands } from './ci-commands';
import { continueAfter, continueInLine } from './continuation';
import type { Detector } from './detector';
import { detectEntraSecrets } from './entra-secret';
import { detectFlags } from './flags';
import { detectJwts } from './jwt';
import { Mask } from './mask';
import { detectPrivateKeys } from './private-key';
import { detectSas } from './sas';
import { detectUrlCredentials } from './url-credentials';
import { detectVendorTokens } from './vendor-tokens';

// Most specific first: where two detectors find the same secret, the first one's kind names it.
const DETECTORS: readonly Detector[] = [
  detectPrivateKeys,
  detectJwts,
  detectEntraSecrets,
  detectVendorTokens,
  detectSas,
  detectUrlCredentials,
  detectAuthHeaders,
  detectFlags,
  detectAssignments,
  detectCiCommands,
];

/**
 * One pass over the detectors' mask, left to right: each secret becomes `[REDACTED:<kind>]`, and one
 * that ends its line (or is followed by a space and more of it) lends its kind to its remainder,
 * which the pass then reaches.
 * Counts the secrets that end after `offset`, each once however many lines it spans.
 */
function render(text: string, offset: number): { text: string; count: number } {
  const mask = new Mask(text);
  for (const detect of DETECTORS) detect(text, mask);
  for (let i = 0; i < mask.pending.length; i += 2) continueAfter(text, mask, mask.pending[i] ?? 0, mask.pending[i + 1] ?? 0, true);
  // Pieces joined once at the end: a megabyte with a secret every few characters would otherwise
  // build (and collect) a concatenation per secret.
  const out: string[] = [];
  let count = 0;
  let at = 0;
  for (let start = mask.nextSecret(0); start !== -1; start = mask.nextSecret(at)) {
    const code = mask.codeAt(start);
    const end = mask.runEnd(start);
    continueAfter(text, mask, end, code, false);
    continueInLine(text, mask, end, code);
    out.push(text.slice(at, start), Mask.label(code));
    if (end > offset && mask.counted(start, end)) count++;
    at = end;
  }
  if (at === 0) return { text, count };
  out.push(text.slice(at));
  return { text: out.join(''), count };
}

export interface Redacted {
  readonly text: string;
  /** How many secrets were masked (a secret split over lines counts once). */
  readonly count: number;
}

/**
 * Masks every secret kvdoctor recognises with `[REDACTED:<kind>]`, in time linear in the text.
 * Idempotent: masked text has nothing left to mask.
 */
export function redact(text: string): Redacted {
  return render(text, 0);
}

/**
 * Masks lines read together (a secret's name on one, its value on the next) and counts only the
 * secrets from line `from` on: the earlier lines are context for the ones shown.
 */
export function redactLines(lines: readonly string[], from: number): { lines: string[]; count: number } {
  let offset = 0;
  for (let i = 0; i < from; i++) offset += (lines[i]?.length ?? 0) + 1;
  const r = render(lines.join('\n'), offset);
  return { lines: r.text.split('\n'), count: r.count };
}
