// A Bicep tokenizer good enough for structural tests: comments, strings with `${}` holes, brackets.
// It is not a compiler: it knows no types and no grammar beyond what the reader in bicep-reader.ts needs.

/** One token; `start`/`end` are offsets in the file's source. */
export type Token =
  | {
      readonly kind: 'ident' | 'number' | 'punct' | 'newline';
      readonly text: string;
      readonly start: number;
      readonly end: number;
    }
  | StringToken;

/** A string literal: literal pieces around interpolation holes (`parts.length === holes.length + 1`). */
export interface StringToken {
  readonly kind: 'string';
  readonly text: string;
  readonly parts: readonly string[];
  readonly holes: readonly (readonly Token[])[];
  readonly start: number;
  readonly end: number;
}

/** Thrown for input the tokenizer cannot read (unterminated string or comment, stray character). */
export class BicepSyntaxError extends Error {
  constructor(message: string, source: string, offset: number) {
    super(`${message} at line ${source.slice(0, offset).split('\n').length}`);
    this.name = 'BicepSyntaxError';
  }
}

const twoCharPuncts = new Set(['==', '!=', '<=', '>=', '&&', '||', '??', '?.', '::', '=~', '!~', '=>']);
const oneCharPuncts = new Set([...'{}[]().,:?=!<>+-*/%@|&']);
const escapes: Record<string, string> = { "'": "'", '\\': '\\', n: '\n', r: '\r', t: '\t', $: '$' };

/** Splits Bicep source into tokens; interpolation holes are tokenized recursively. */
export function tokenize(source: string): Token[] {
  const reader = new Reader(source);
  return reader.tokens(false);
}

/** Every token, with the tokens inside string holes flattened in after their string. */
export function flatten(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    out.push(token);
    if (token.kind === 'string') for (const hole of token.holes) out.push(...flatten(hole));
  }
  return out;
}

class Reader {
  private pos = 0;
  constructor(private readonly src: string) {}

  /** Reads tokens to the end, or (inside a hole) to the `}` that closes it. */
  tokens(inHole: boolean): Token[] {
    const out: Token[] = [];
    let depth = 0;
    const src = this.src;
    while (this.pos < src.length) {
      const ch = src[this.pos] ?? '';
      const start = this.pos;
      if (ch === '\n') {
        out.push({ kind: 'newline', text: '\n', start, end: ++this.pos });
      } else if (/\s/.test(ch)) {
        this.pos++;
      } else if (src.startsWith('//', start)) {
        const eol = src.indexOf('\n', start);
        this.pos = eol < 0 ? src.length : eol;
      } else if (src.startsWith('/*', start)) {
        const close = src.indexOf('*/', start + 2);
        if (close < 0) throw new BicepSyntaxError('Unterminated comment', src, start);
        this.pos = close + 2;
      } else if (src.startsWith("'''", start)) {
        const close = src.indexOf("'''", start + 3);
        if (close < 0) throw new BicepSyntaxError('Unterminated multi-line string', src, start);
        this.pos = close + 3;
        const text = src.slice(start + 3, close).replace(/^\r?\n/, '');
        out.push({
          kind: 'string',
          text: src.slice(start, this.pos),
          parts: [text],
          holes: [],
          start,
          end: this.pos,
        });
      } else if (ch === "'") {
        out.push(this.string());
      } else if (/[A-Za-z_]/.test(ch)) {
        const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(start)) ?? [''];
        this.pos += match[0].length;
        out.push({ kind: 'ident', text: match[0], start, end: this.pos });
      } else if (/[0-9]/.test(ch)) {
        const match = /^[0-9]+/.exec(src.slice(start)) ?? [''];
        this.pos += match[0].length;
        out.push({ kind: 'number', text: match[0], start, end: this.pos });
      } else if (twoCharPuncts.has(src.slice(start, start + 2))) {
        this.pos += 2;
        out.push({ kind: 'punct', text: src.slice(start, this.pos), start, end: this.pos });
      } else if (oneCharPuncts.has(ch)) {
        if (ch === '{') depth++;
        if (ch === '}') {
          if (inHole && depth === 0) return out;
          depth--;
        }
        this.pos++;
        out.push({ kind: 'punct', text: ch, start, end: this.pos });
      } else {
        throw new BicepSyntaxError(`Unexpected character ${JSON.stringify(ch)}`, src, start);
      }
    }
    if (inHole) throw new BicepSyntaxError('Unterminated interpolation', src, this.pos);
    return out;
  }

  private string(): StringToken {
    const src = this.src;
    const start = this.pos++;
    const parts: string[] = [];
    const holes: Token[][] = [];
    let current = '';
    for (;;) {
      if (this.pos >= src.length || src[this.pos] === '\n')
        throw new BicepSyntaxError('Unterminated string', src, start);
      const ch = src[this.pos] ?? '';
      if (ch === "'") {
        this.pos++;
        parts.push(current);
        return { kind: 'string', text: src.slice(start, this.pos), parts, holes, start, end: this.pos };
      }
      if (ch === '\\') {
        const next = src[this.pos + 1] ?? '';
        const unicode = /^u\{([0-9A-Fa-f]+)\}/.exec(src.slice(this.pos + 1));
        if (unicode?.[1]) {
          current += String.fromCodePoint(parseInt(unicode[1], 16));
          this.pos += 1 + unicode[0].length;
        } else if (next in escapes) {
          current += escapes[next];
          this.pos += 2;
        } else {
          throw new BicepSyntaxError(`Unknown escape \\${next}`, src, this.pos);
        }
      } else if (src.startsWith('${', this.pos)) {
        this.pos += 2;
        parts.push(current);
        current = '';
        holes.push(this.tokens(true));
        this.pos++; // the closing brace
      } else {
        current += ch;
        this.pos++;
      }
    }
  }
}
