/**
 * Fake secrets in the shapes real ones have, from a seeded generator: the same corpus on every
 * run, and none of them was ever issued by anyone.
 */
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const BASE64 = `${ALNUM}+/`;
const BASE64URL = `${ALNUM}-_`;
const ENTRA = `${ALNUM}_~.-`;
// No "$", "<", "(", "[", quotes, blanks or "&;,": those would stop a value or make it a reference.
const PASSWORD = `${ALNUM}!@#%^*-_+=?`;

export class Fake {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: small, fast and good enough to make strings that look random. */
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  from(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)] ?? 'x';
    return out;
  }

  alnum(length: number): string {
    return this.from(ALNUM, length);
  }

  lower(length: number): string {
    return this.from(LOWER + DIGITS, length);
  }

  /** Standard base64 of `bytes` bytes, padded. */
  base64(bytes: number): string {
    const chars = Math.ceil((bytes * 4) / 3);
    const padded = Math.ceil(bytes / 3) * 4;
    return this.from(BASE64, chars) + '='.repeat(padded - chars);
  }

  base64url(length: number): string {
    return this.from(BASE64URL, length);
  }

  /** Azure DevOps PAT: 52 characters of lowercase base32. */
  azureDevOpsPat(): string {
    return this.from('abcdefghijklmnopqrstuvwxyz234567', 52);
  }

  /** Entra client secret value: three characters, a digit, "Q~", 34 more. */
  entraSecret(first?: string): string {
    return (first ?? this.from(ENTRA, 1)) + this.from(ENTRA, 2) + this.from(DIGITS, 1) + 'Q~' + this.from(ENTRA, 34);
  }

  /** A signed JWT of about `length` characters (an Entra access token is 1.5–2.5 KB). */
  jwt(length: number): string {
    const header = `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6I${this.base64url(24)}`;
    const signature = this.base64url(342);
    const payload = `eyJhdWQiOiJodHRwczovL3ZhdWx0LmF6dXJlLm5ldCIsIml${this.base64url(Math.max(16, length - header.length - signature.length - 50))}`;
    return `${header}.${payload}.${signature}`;
  }

  password(length: number): string {
    return this.from(UPPER, 1) + this.from(PASSWORD, length - 2) + this.from(DIGITS, 1);
  }

  hex(length: number): string {
    return this.from('0123456789abcdef', length);
  }
}
