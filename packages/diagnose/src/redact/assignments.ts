import { isLineBreak, later } from './chars';
import type { Detector, SecretKind } from './detector';
import { isPlaceholder, valueEnd } from './value';

// A secret's name, then what assigns it: "=", ":", URL-encoded "=" (once or twice), with optional
// spaces and quotes on either side: env lines, query strings, connection strings, YAML, JSON and
// escaped JSON. Names are matched anywhere (ARM_CLIENT_SECRET, TF_VAR_client_secret) and the
// character before is checked in code.
const ASSIGNED =
  /(client[_-]?secret|client[_-]?assertion|service[_-]?principal[_-]?key|federated[_-]?token|access[_-]?token|refresh[_-]?token|id[_-]?token|runtime[_-]?token|request[_-]?token|sas[_-]?token|account[_-]?key|access[_-]?key|storage[_-]?key|shared[_-]?access[_-]?key|shared[_-]?access[_-]?signature|api[_-]?key|private[_-]?key|password|passwd|passphrase|pwd|pat|token|secret|value)(\\{0,4}["'`])?[ \t]{0,8}(?:[:=]|%3D|%253D)[ \t]{0,8}(\\{0,4}["'`])?/gi;

const KINDS: ReadonlyMap<string, SecretKind> = new Map([
  ['clientsecret', 'client-secret'],
  ['clientassertion', 'client-secret'],
  ['serviceprincipalkey', 'client-secret'],
  ['sharedaccesssignature', 'sas'],
  ['sastoken', 'sas'],
  ['accountkey', 'key'],
  ['accesskey', 'key'],
  ['storagekey', 'key'],
  ['sharedaccesskey', 'key'],
  ['apikey', 'key'],
  ['privatekey', 'key'],
  ['password', 'password'],
  ['passwd', 'password'],
  ['passphrase', 'password'],
  ['pwd', 'password'],
  ['secret', 'secret'],
  ['value', 'secret'],
]);

// Too common alone ("Secret: db-password" names a Key Vault secret): only as the end of a longer
// name (GITHUB_TOKEN, APP_SECRET, x-auth-token).
const SUFFIX_ONLY = new Set(['token', 'secret']);
const UNDERSCORE = 95;
const DASH = 45;
const MIN = 3;
// Values of a JSON "value" field that are not secrets: Key Vault network rules list addresses.
const ADDRESS = /^[0-9a-f:.]{2,45}(?:\/\d{1,3})?$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isNameChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isQuote(code: number): boolean {
  return code === 34 || code === 39;
}

/** Whether the name matched at `at` is one we mask, judged by what stands before it. */
function nameStandsAlone(text: string, at: number, name: string, closed: boolean): boolean {
  const before = at === 0 ? -1 : text.charCodeAt(at - 1);
  if (isNameChar(before)) return false;
  if (name === 'value') return closed && isQuote(before);
  if (SUFFIX_ONLY.has(name)) return before === UNDERSCORE || before === DASH;
  return true;
}

function skipped(text: string, name: string, start: number, end: number): boolean {
  if (end - start < MIN || isPlaceholder(text, start, end)) return true;
  // $PWD is the working directory in every environment dump.
  if (name === 'pwd' && text.charCodeAt(start) === 47) return true;
  return name === 'value' && ADDRESS.test(text.slice(start, end));
}

/** Values assigned to secret-bearing names. A name that ends its line leaves its value to the next one. */
export const detectAssignments: Detector = (text, mask) => {
  ASSIGNED.lastIndex = 0;
  for (let m = ASSIGNED.exec(text); m !== null; m = ASSIGNED.exec(text)) {
    const name = (m[1] ?? '').toLowerCase().replace(/[_-]/g, '');
    if (!nameStandsAlone(text, m.index, name, m[2] !== undefined)) continue;
    const kind = KINDS.get(name) ?? 'token';
    const start = m.index + m[0].length;
    const end = valueEnd(text, start, m[3] === undefined ? undefined : m[3].charCodeAt(m[3].length - 1));
    if (end === start && (end === text.length || isLineBreak(text.charCodeAt(end)))) mask.add(start, end, kind);
    else if (!skipped(text, name, start, end)) mask.add(start, end, kind);
    ASSIGNED.lastIndex = later(ASSIGNED.lastIndex, end);
  }
};
