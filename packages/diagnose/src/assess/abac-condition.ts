import { actionMatches } from './data-actions';

/**
 * The request an ABAC condition is held against: the data action, the vault's name and, when the
 * request named one, the secret's (Key Vault's ABAC preview has exactly these two attributes).
 */
export interface ConditionRequest {
  readonly action: string;
  readonly vaultName: string;
  readonly secretName?: string;
}

/** `undefined` is "cannot tell": an attribute this request does not carry, or syntax not read here. */
type Tri = boolean | undefined;

type Token = { kind: 'punct'; text: string } | { kind: 'string'; text: string } | { kind: 'word'; text: string } | { kind: 'attribute'; source: string; name: string };

/** A hand-written scanner: conditions are user text, and a backtracking regex over them could be slow. */
function tokenize(text: string): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) i++;
    else if ('(){},!'.includes(c)) {
      out.push({ kind: 'punct', text: c });
      i++;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return undefined;
      out.push({ kind: 'string', text: text.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '@') {
      const open = text.indexOf('[', i);
      const close = text.indexOf(']', i);
      if (open < 0 || close < open) return undefined;
      out.push({ kind: 'attribute', source: text.slice(i + 1, open), name: text.slice(open + 1, close) });
      i = close + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let end = i;
      while (end < text.length && /[A-Za-z]/.test(text[end] ?? '')) end++;
      out.push({ kind: 'word', text: text.slice(i, end) });
      i = end;
    } else return undefined;
  }
  return out;
}

function glob(pattern: string, value: string): boolean {
  // Iterative wildcard match (`*` any run, `?` one character), linear in practice, no regex.
  let p = 0;
  let v = 0;
  let star = -1;
  let mark = 0;
  while (v < value.length) {
    if (p < pattern.length && (pattern[p] === '?' || (pattern[p] !== '*' && pattern[p] === value[v]))) {
      p++;
      v++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = v;
    } else if (star >= 0) {
      p = star + 1;
      v = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

const COMPARE: Readonly<Record<string, (value: string, operand: string) => boolean>> = {
  Equals: (v, o) => v === o,
  StartsWith: (v, o) => v.startsWith(o),
  EndsWith: (v, o) => v.endsWith(o),
  Contains: (v, o) => v.includes(o),
  Like: (v, o) => glob(o, v),
};

/** `String[Not]<Compare>[IgnoreCase]`, the string operators of the conditions format; others are not read. */
function compare(operator: string, value: string, operand: string): Tri {
  const ignoreCase = operator.endsWith('IgnoreCase');
  const core = ignoreCase ? operator.slice(0, -'IgnoreCase'.length) : operator;
  if (!core.startsWith('String')) return undefined;
  const negated = core.startsWith('StringNot');
  const fn = COMPARE[core.slice(negated ? 'StringNot'.length : 'String'.length)];
  if (fn === undefined) return undefined;
  const hit = ignoreCase ? fn(value.toLowerCase(), operand.toLowerCase()) : fn(value, operand);
  return negated ? !hit : hit;
}

/** Deeper nesting than any condition Azure's editor writes is refused rather than recursed into. */
const MAX_DEPTH = 64;

class Parser {
  private at = 0;
  private depth = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly request: ConditionRequest,
  ) {}

  done(): boolean {
    return this.at === this.tokens.length;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  /** The next token's text when it is of this kind (and this text, if given); a syntax error otherwise. */
  private take(kind: 'punct' | 'string' | 'word', text?: string): string {
    const t = this.tokens[this.at];
    if (t === undefined || t.kind === 'attribute' || t.kind !== kind || (text !== undefined && t.text !== text)) throw new SyntaxError('unexpected token');
    this.at++;
    return t.text;
  }

  private isWord(text: string): boolean {
    const t = this.peek();
    return t?.kind === 'word' && t.text.toUpperCase() === text;
  }

  /** Three-valued AND/OR (an unknown side decides nothing); AND binds tighter than OR. */
  expression(): Tri {
    let value = this.conjunction();
    while (this.isWord('OR')) {
      this.at++;
      const right = this.conjunction();
      value = value === true || right === true ? true : value === undefined || right === undefined ? undefined : false;
    }
    return value;
  }

  private conjunction(): Tri {
    let value = this.unary();
    while (this.isWord('AND')) {
      this.at++;
      const right = this.unary();
      value = value === false || right === false ? false : value === undefined || right === undefined ? undefined : true;
    }
    return value;
  }

  private unary(): Tri {
    if (++this.depth > MAX_DEPTH) throw new SyntaxError('nested too deeply');
    try {
      const t = this.peek();
      if ((t?.kind === 'punct' && t.text === '!') || this.isWord('NOT')) {
        this.at++;
        const inner = this.unary();
        return inner === undefined ? undefined : !inner;
      }
      return this.primary();
    } finally {
      this.depth--;
    }
  }

  private primary(): Tri {
    const t = this.peek();
    if (t?.kind === 'punct' && t.text === '(') {
      this.at++;
      const inner = this.expression();
      this.take('punct', ')');
      return inner;
    }
    if (t?.kind === 'word' && t.text === 'ActionMatches') {
      this.at++;
      this.take('punct', '{');
      const pattern = this.take('string');
      this.take('punct', '}');
      return actionMatches(pattern, this.request.action);
    }
    if (t?.kind === 'attribute') {
      this.at++;
      const operator = this.take('word');
      return this.attribute(t.source, t.name, operator, this.take('string'));
    }
    throw new SyntaxError('unsupported term');
  }

  private attribute(source: string, name: string, operator: string, operand: string): Tri {
    const attr = name.toLowerCase();
    const fromResourceOrRequest = source === 'Resource' || source === 'Request';
    if (fromResourceOrRequest && attr === 'microsoft.keyvault/vaults:name') return compare(operator, this.request.vaultName, operand);
    if (fromResourceOrRequest && attr === 'microsoft.keyvault/vaults/secrets:name' && this.request.secretName !== undefined) {
      return compare(operator, this.request.secretName, operand);
    }
    return undefined;
  }
}

/**
 * Whether a role assignment's condition lets this request through: true, false, or undefined when
 * it cannot be told here (syntax or attributes beyond Key Vault's name attributes, or a list request
 * that names no secret).
 */
export function conditionAllows(condition: string, request: ConditionRequest): boolean | undefined {
  const tokens = tokenize(condition);
  if (tokens === undefined) return undefined;
  const parser = new Parser(tokens, request);
  try {
    const value = parser.expression();
    return parser.done() ? value : undefined;
  } catch (e) {
    if (e instanceof SyntaxError) return undefined;
    throw e;
  }
}
