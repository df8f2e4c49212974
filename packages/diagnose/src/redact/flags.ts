import { charSet, later, runEnd } from './chars';
import type { Detector, SecretKind } from './detector';
import type { Mask } from './mask';
import { isPlaceholder, valueEnd } from './value';

// Command-line options whose argument is a secret (az, azcopy, Azure PowerShell), with the value
// after spaces or "=". "-p" is read only on a login command line (az login, docker login …),
// where it is the password; elsewhere it is a port or a path.
const FLAG =
  /(?:^|[ \t"'(])(--password|--client-secret|--federated-token|--sas-token|--account-key|--secret|--token|-ServicePrincipalKey|-ClientSecret|-ApplicationSecret|-CertificatePassword|-Password|-AccessToken|-p)(?:[ \t]+|=)/gim;
const LOGIN_LINE = /\blogin\b[^\r\n]*/g;
// PowerShell turns a plain-text secret into a SecureString: the string is the secret.
const SECURE_STRING = /\bConvertTo-SecureString\b/gi;
const SECURE_STRING_OPTION = /[ \t]+-(?:String|AsPlainText|Force)\b/iy;
const BLANKS = charSet(' \t', '');

const KINDS: Readonly<Record<string, SecretKind>> = {
  '--client-secret': 'client-secret',
  '-serviceprincipalkey': 'client-secret',
  '-clientsecret': 'client-secret',
  '-applicationsecret': 'client-secret',
  '--federated-token': 'token',
  '--token': 'token',
  '-accesstoken': 'token',
  '--sas-token': 'sas',
  '--account-key': 'key',
  '--secret': 'secret',
};
const MIN = 3;

/** The argument at `start`, quoted or bare, when it is a secret rather than a reference to one. */
function argument(text: string, start: number, kind: SecretKind, mask: Mask): number {
  const first = text.charCodeAt(start);
  const quoted = first === 34 || first === 39;
  const from = quoted ? start + 1 : start;
  const end = valueEnd(text, from, quoted ? first : undefined);
  if (end - from >= MIN && !isPlaceholder(text, from, end)) mask.add(from, end, kind);
  return end;
}

function loginLines(text: string): Array<readonly [number, number]> {
  const lines: Array<readonly [number, number]> = [];
  LOGIN_LINE.lastIndex = 0;
  for (let m = LOGIN_LINE.exec(text); m !== null; m = LOGIN_LINE.exec(text)) lines.push([m.index, m.index + m[0].length]);
  return lines;
}

function options(text: string, mask: Mask): void {
  const logins = loginLines(text);
  let login = 0;
  FLAG.lastIndex = 0;
  for (let m = FLAG.exec(text); m !== null; m = FLAG.exec(text)) {
    const flag = (m[1] ?? '').toLowerCase();
    if (flag === '-p') {
      while (login < logins.length && (logins[login]?.[1] ?? 0) < m.index) login++;
      const line = logins[login];
      if (line === undefined || line[0] > m.index) continue;
    }
    const end = argument(text, m.index + m[0].length, KINDS[flag] ?? 'password', mask);
    FLAG.lastIndex = later(FLAG.lastIndex, end);
  }
}

function secureStrings(text: string, mask: Mask): void {
  SECURE_STRING.lastIndex = 0;
  for (let m = SECURE_STRING.exec(text); m !== null; m = SECURE_STRING.exec(text)) {
    let at = m.index + m[0].length;
    for (let i = 0; i < 3; i++) {
      SECURE_STRING_OPTION.lastIndex = at;
      if (!SECURE_STRING_OPTION.test(text)) break;
      at = SECURE_STRING_OPTION.lastIndex;
    }
    const end = argument(text, runEnd(text, at, BLANKS), 'password', mask);
    SECURE_STRING.lastIndex = later(SECURE_STRING.lastIndex, end);
  }
}

/** Secrets passed as command-line arguments. */
export const detectFlags: Detector = (text, mask) => {
  options(text, mask);
  secureStrings(text, mask);
};
