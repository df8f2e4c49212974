import { ALPHANUMERIC, type CharSet, charSet, later, runEnd } from './chars';
import type { Detector } from './detector';
import { type Alphabet, VENDOR_TOKEN_RULES, type VendorTokenRule } from './vendor-token-rules';

const ALPHABETS: Readonly<Record<Alphabet, CharSet>> = {
  alphanumeric: ALPHANUMERIC,
  word: charSet('_'),
  // GitLab's routable tokens add ".<crc>" to the dash-and-underscore body.
  'word-dash': charSet('_-.'),
  hex: charSet('', '0123456789abcdefABCDEF'),
  'upper-alphanumeric': charSet('', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
};

const BY_PREFIX: ReadonlyMap<string, VendorTokenRule> = new Map(VENDOR_TOKEN_RULES.map((r) => [r.prefix, r]));

/** Every prefix in one alternation of literals (built from the table; test/redos.test.ts checks it). */
export const VENDOR_PREFIX = new RegExp(VENDOR_TOKEN_RULES.map((r) => r.prefix).join('|'), 'g');

/** Tokens of GitHub, GitLab, npm, AWS, Google, Slack, Docker Hub and PyPI, by their prefixes. */
export const detectVendorTokens: Detector = (text, mask) => {
  VENDOR_PREFIX.lastIndex = 0;
  for (let m = VENDOR_PREFIX.exec(text); m !== null; m = VENDOR_PREFIX.exec(text)) {
    const rule = BY_PREFIX.get(m[0]);
    if (rule === undefined) continue;
    const body = m.index + m[0].length;
    const end = runEnd(text, body, ALPHABETS[rule.alphabet]);
    if (end - body >= rule.min) mask.add(m.index, end, 'token');
    VENDOR_PREFIX.lastIndex = later(VENDOR_PREFIX.lastIndex, end);
  }
};
