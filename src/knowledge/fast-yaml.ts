/**
 * A fast reader for the YAML that knowledge files are written in: block mappings and
 * sequences, plain, quoted and block (| >) scalars, one-line flow lists ([a, b]) and
 * comments. It produces exactly what the `yaml` package's parseDocument(...).toJS() does
 * for such a file, about ten times faster, and where each value starts.
 *
 * It is only a shortcut: anything else, and anything it is not sure about (an anchor, a tag,
 * a tab, a value that would not be a string, a duplicate key, an unusual indentation, any
 * error...), makes it give up (undefined), and the file is read by the `yaml` package,
 * which also names every problem. So it never has to report an error, and it only has to
 * be right on files it accepts: test/knowledge/fast-yaml.test.ts compares both on many
 * generated files.
 */

/** A mapping or list as read, with the offset in the text where each value starts. */
export type Starts = Record<string, number> | number[];

export interface FastYaml {
  readonly value: Record<string, unknown>;
  /** Where each value of each mapping or list starts (offsets), by the mapping or list. */
  readonly starts: WeakMap<object, Starts>;
  /** The offset each line starts at. */
  readonly lineStarts: readonly number[];
}

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

// Characters that make `yaml` read anything but a plain string, or that the fast path leaves
// to it: tabs, carriage returns, other control characters, YAML 1.1 line breaks, a BOM.
const UNUSUAL_CHARACTER = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
/** A plain scalar that the core schema would read as null, a boolean or a number. */
const NOT_A_STRING =
  /^(?:~|[Nn]ull|NULL)?$|^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$|^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$|^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$|^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$|^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** A key: a simple word; the colon after it is checked separately. */
const KEY = /[A-Za-z0-9_][A-Za-z0-9_-]*/y;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** What a plain scalar may not start with here (indicators, and a few left to `yaml`). */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`']);

const SPACE = 32;
const NEWLINE = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** The file's data, or undefined when the `yaml` package has to read it. */
export function fastYaml(text: string): FastYaml | undefined {
  const read = readFast(text);
  return typeof read === 'number' ? undefined : read;
}

/** The same, or (for tests) the line (1-based) where the reader gave up; 0 when before reading. */
export function readFast(text: string): FastYaml | number {
  if (UNUSUAL_CHARACTER.test(text)) return 0;
  const reader = new Reader(text);
  try {
    return reader.read();
  } catch (error) {
    if (error instanceof GiveUp || error instanceof RangeError) return reader.currentLine + 1;
    throw error;
  }
}

class Reader {
  private readonly lineStarts: number[] = [0];
  /** Offset of each line's end (its newline, or the end of the text). */
  private readonly lineEnds: number[] = [];
  private readonly lines: number;
  /** The line being read. */
  private line = 0;
  private readonly starts = new WeakMap<object, Starts>();

  constructor(private readonly text: string) {
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) {
      this.lineEnds.push(nl);
      this.lineStarts.push(nl + 1);
    }
    this.lineEnds.push(text.length);
    this.lines = this.lineStarts.length;
  }

  get currentLine(): number {
    return this.line;
  }

  read(): FastYaml {
    this.skipBlankLines();
    if (this.line >= this.lines || this.indentOf(this.line) !== 0) giveUp();
    const value = this.mapping(0, -1);
    if (this.line < this.lines) giveUp();
    return { value, starts: this.starts, lineStarts: this.lineStarts };
  }

  // --- lines ---------------------------------------------------------------------------

  private indentOf(line: number): number {
    const start = this.lineStarts[line]!;
    const end = this.lineEnds[line]!;
    let i = start;
    while (i < end && this.text.charCodeAt(i) === SPACE) i++;
    return i - start;
  }

  /** Only spaces, or nothing. */
  private isBlank(line: number): boolean {
    return this.indentOf(line) === this.lineEnds[line]! - this.lineStarts[line]!;
  }

  private isComment(line: number): boolean {
    return this.text.charCodeAt(this.lineStarts[line]! + this.indentOf(line)) === HASH;
  }

  /** Moves past blank and comment lines. */
  private skipBlankLines(): void {
    while (this.line < this.lines && (this.isBlank(this.line) || this.isComment(this.line))) this.line++;
  }

  /** Offset `at` is followed by nothing but spaces, or spaces and a comment, up to the line end. */
  private restIsEmpty(at: number, end: number): boolean {
    let i = at;
    while (i < end && this.text.charCodeAt(i) === SPACE) i++;
    return i === end || (i > at && this.text.charCodeAt(i) === HASH);
  }

  // --- collections ---------------------------------------------------------------------

  /**
   * A block mapping whose keys are at column `indent`. `firstKeyAt` is where the first key
   * starts when it follows a "- " on the current line (a mapping inside a list item), else -1.
   */
  private mapping(indent: number, firstKeyAt: number): Record<string, unknown> {
    const value: Record<string, unknown> = {};
    const starts: Record<string, number> = {};
    this.starts.set(value, starts);
    let keyAt = firstKeyAt;
    for (;;) {
      if (keyAt === -1) {
        this.skipBlankLines();
        if (this.line >= this.lines) break;
        const lineIndent = this.indentOf(this.line);
        if (lineIndent < indent) break;
        if (lineIndent > indent) giveUp();
        keyAt = this.lineStarts[this.line]! + indent;
      }
      const end = this.lineEnds[this.line]!;
      KEY.lastIndex = keyAt;
      if (!KEY.test(this.text)) giveUp();
      const colon = KEY.lastIndex;
      if (this.text.charCodeAt(colon) !== COLON || (colon + 1 < end && this.text.charCodeAt(colon + 1) !== SPACE)) giveUp();
      const key = this.text.slice(keyAt, colon);
      if (key.length > 1000 || FORBIDDEN_KEYS.has(key) || NOT_A_STRING.test(key) || Object.hasOwn(value, key)) giveUp();
      let at = colon + 1;
      while (at < end && this.text.charCodeAt(at) === SPACE) at++;
      if (at === end || this.restIsEmpty(colon + 1, end)) {
        this.line++;
        const [child, start] = this.nested(indent);
        value[key] = child;
        starts[key] = start;
      } else {
        starts[key] = at;
        value[key] = this.inline(at, indent);
      }
      keyAt = -1;
    }
    return value;
  }

  /** The block collection under a key that has nothing after its colon. */
  private nested(parentIndent: number): [unknown, number] {
    this.skipBlankLines();
    if (this.line >= this.lines) giveUp();
    const indent = this.indentOf(this.line);
    // Nothing (null), or a list at the key's own column: left to `yaml`.
    if (indent <= parentIndent) giveUp();
    const start = this.lineStarts[this.line]! + indent;
    if (this.isDash(start)) return [this.sequence(indent), start];
    return [this.mapping(indent, -1), start];
  }

  /** A "-" that starts a list item: followed by a space or the line's end. */
  private isDash(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const next = this.text.charCodeAt(at + 1);
    return next === SPACE || next === NEWLINE || at + 1 === this.text.length;
  }

  /**
   * A block sequence whose dashes are at column `indent`. `firstDashAt` is where the first
   * dash is when it follows another "- " on the current line (a list inside a list item).
   */
  private sequence(indent: number, firstDashAt = -1): unknown[] {
    const value: unknown[] = [];
    const starts: number[] = [];
    this.starts.set(value, starts);
    let dash = firstDashAt;
    for (;;) {
      if (dash === -1) {
        this.skipBlankLines();
        if (this.line >= this.lines) break;
        const lineIndent = this.indentOf(this.line);
        if (lineIndent < indent) break;
        if (lineIndent > indent) giveUp();
        dash = this.lineStarts[this.line]! + indent;
      }
      if (!this.isDash(dash)) giveUp();
      const end = this.lineEnds[this.line]!;
      let at = dash + 1;
      while (at < end && this.text.charCodeAt(at) === SPACE) at++;
      // An empty item, or one whose value starts on the next line: left to `yaml`.
      if (at === end || at === dash + 1) giveUp();
      starts.push(at);
      dash = -1;
      KEY.lastIndex = at;
      if (this.isDash(at)) {
        value.push(this.sequence(at - this.lineStarts[this.line]!, at));
      } else if (KEY.test(this.text) && this.text.charCodeAt(KEY.lastIndex) === COLON && (KEY.lastIndex + 1 === end || this.text.charCodeAt(KEY.lastIndex + 1) === SPACE)) {
        value.push(this.mapping(at - this.lineStarts[this.line]!, at));
      } else {
        value.push(this.inline(at, indent));
      }
    }
    return value;
  }

  // --- scalars and flow lists ----------------------------------------------------------

  /**
   * A value that starts at `at` on the current line, in a collection at column
   * `parentIndent` (its continuation lines must be indented further). Leaves the reader on
   * the line after the value.
   */
  private inline(at: number, parentIndent: number): unknown {
    const c = this.text[at]!;
    if (c === '"' || c === "'") return this.quoted(at, parentIndent);
    if (c === '[') return this.flowList(at);
    if (c === '|' || c === '>') return this.blockScalar(at, parentIndent);
    if (INDICATORS.has(c)) giveUp();
    return this.plain(at, parentIndent);
  }

  /** A plain scalar over one or more lines. */
  private plain(at: number, parentIndent: number): string {
    const text = this.text;
    let end = this.lineEnds[this.line]!;
    this.checkPlainLine(at, end);
    let last = this.line;
    for (let next = this.line + 1; next < this.lines; next++) {
      if (this.isBlank(next)) continue;
      const indent = this.indentOf(next);
      if (indent <= parentIndent) break;
      const from = this.lineStarts[next]! + indent;
      if (INDICATORS.has(text[from]!)) giveUp();
      this.checkPlainLine(from, this.lineEnds[next]!);
      last = next;
    }
    end = this.lineEnds[last]!;
    while (end > at && text.charCodeAt(end - 1) === SPACE) end--;
    this.line = last + 1;
    const value = unfoldLines(text.slice(at, end));
    if (NOT_A_STRING.test(value)) giveUp();
    return value;
  }

  /** No ": " (a mapping) or " #" (a comment) in a plain scalar's line, and no ":" at its end. */
  private checkPlainLine(from: number, end: number): void {
    const text = this.text;
    for (let i = from; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON) {
        if (i + 1 === end || text.charCodeAt(i + 1) === SPACE) giveUp();
      } else if (c === HASH && text.charCodeAt(i - 1) === SPACE) {
        giveUp();
      }
    }
  }

  /** A single- or double-quoted scalar, over one or more lines. */
  private quoted(at: number, parentIndent: number): string {
    const text = this.text;
    const quote = text[at]!;
    let close = text.indexOf(quote, at + 1);
    if (quote === "'") {
      while (close !== -1 && text[close + 1] === "'") close = text.indexOf("'", close + 2);
    } else {
      while (close !== -1) {
        let backslashes = 0;
        while (text[close - 1 - backslashes] === '\\') backslashes++;
        if (backslashes % 2 === 0) break;
        close = text.indexOf('"', close + 1);
      }
    }
    if (close === -1) giveUp();
    // Every line it continues on is indented past its collection (or blank).
    let line = this.line;
    while (this.lineEnds[line]! < close) {
      line++;
      if (!this.isBlank(line) && this.indentOf(line) <= parentIndent) giveUp();
    }
    if (!this.restIsEmpty(close + 1, this.lineEnds[line]!)) giveUp();
    this.line = line + 1;
    const source = text.slice(at, close + 1);
    return quote === "'" ? unfoldLines(source.slice(1, -1)).replace(/''/g, "'") : doubleQuotedValue(source);
  }

  /** A block scalar: | or >, optionally with - (strip); no explicit indentation, no +. */
  private blockScalar(at: number, parentIndent: number): string {
    const text = this.text;
    const end = this.lineEnds[this.line]!;
    const literal = text[at] === '|';
    let i = at + 1;
    const strip = text[i] === '-';
    if (strip) i++;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    if (i !== end) giveUp();
    // Its lines: up to the first line (not empty) indented no further than its first line.
    const lines: [number, string][] = [];
    let contentIndent = -1;
    let next = this.line + 1;
    for (; next < this.lines; next++) {
      const start = this.lineStarts[next]!;
      const lineEnd = this.lineEnds[next]!;
      if (start === lineEnd) {
        lines.push([0, '']);
        continue;
      }
      // Lines of only spaces have rules of their own: left to `yaml`.
      if (this.isBlank(next)) giveUp();
      const indent = this.indentOf(next);
      if (contentIndent === -1) {
        if (indent <= parentIndent) giveUp();
        contentIndent = indent;
      } else if (indent < contentIndent) {
        break;
      }
      lines.push([indent, text.slice(start + indent, lineEnd)]);
    }
    if (contentIndent === -1) giveUp();
    this.line = next;
    // From here on, the `yaml` package's resolveBlockScalar, for this case.
    let chompStart = lines.length;
    for (let k = lines.length - 1; k >= 0; --k) {
      if (lines[k]![1] === '') chompStart = k;
      else break;
    }
    const trimIndent = contentIndent;
    let contentStart = 0;
    while (lines[contentStart]![1] === '') contentStart++;
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    for (let k = 0; k < contentStart; ++k) value += '\n';
    for (let k = contentStart; k < chompStart; ++k) {
      const [indent, content] = lines[k]!;
      const extra = ' '.repeat(Math.max(0, indent - trimIndent));
      if (literal) {
        value += sep + extra + content;
        sep = '\n';
      } else if (indent > trimIndent) {
        if (sep === ' ') sep = '\n';
        else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
        value += sep + extra + content;
        sep = '\n';
        prevMoreIndented = true;
      } else if (content === '') {
        if (sep === '\n') value += '\n';
        else sep = '\n';
      } else {
        value += sep + content;
        sep = ' ';
        prevMoreIndented = false;
      }
    }
    return strip ? value : `${value}\n`;
  }

  /** A flow list on one line, of plain or quoted scalars: [a, "b, c", 'd']. */
  private flowList(at: number): string[] {
    const text = this.text;
    const end = this.lineEnds[this.line]!;
    const value: string[] = [];
    const starts: number[] = [];
    this.starts.set(value, starts);
    let i = at + 1;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    if (text[i] === ']') i++;
    else {
      for (;;) {
        while (i < end && text.charCodeAt(i) === SPACE) i++;
        if (i >= end) giveUp();
        const c = text[i]!;
        starts.push(i);
        if (c === '"' || c === "'") {
          const close = this.closingQuote(i, end);
          const source = text.slice(i, close + 1);
          value.push(c === "'" ? source.slice(1, -1).replace(/''/g, "'") : doubleQuotedValue(source));
          i = close + 1;
        } else {
          // Empty items ("[a, , b]", "[a, ]") are among what INDICATORS leaves to `yaml`.
          if (INDICATORS.has(c)) giveUp();
          let j = i;
          for (; j < end; j++) {
            const d = text[j]!;
            if (d === ',' || d === ']') break;
            if (d === '[' || d === '{' || d === '}') giveUp();
            if (d === ':' && (j + 1 === end || ' ,[]{}'.includes(text[j + 1]!))) giveUp();
            if (d === '#' && text[j - 1] === ' ') giveUp();
          }
          let k = j;
          while (k > i && text.charCodeAt(k - 1) === SPACE) k--;
          const item = text.slice(i, k);
          if (NOT_A_STRING.test(item)) giveUp();
          value.push(item);
          i = j;
        }
        while (i < end && text.charCodeAt(i) === SPACE) i++;
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          break;
        }
        giveUp();
      }
    }
    if (!this.restIsEmpty(i, end)) giveUp();
    this.line++;
    return value;
  }

  /** The closing quote of a quoted scalar inside a flow list, on the same line. */
  private closingQuote(at: number, end: number): number {
    const text = this.text;
    const quote = text[at]!;
    for (let i = at + 1; i < end; i++) {
      const c = text[i]!;
      if (quote === '"' && c === '\\') {
        i++;
        continue;
      }
      if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") {
          i++;
          continue;
        }
        return i;
      }
    }
    return giveUp();
  }
}

// --- the `yaml` package's own folding, as in its compose/resolve-flow-scalar.js -----------

const TRIM_END = /(?<![ \t])[ \t]+$/;
const TRIM_BOTH = /^[ \t]+|(?<![ \t])[ \t]+$/g;

function unfoldLines(source: string): string {
  const line = /(.*?)\r?\n/sy;
  let match = line.exec(source);
  if (!match) return source;
  let res = match[1]!.replace(TRIM_END, '');
  let sep = ' ';
  let pos = line.lastIndex;
  while ((match = line.exec(source))) {
    const lm = match[1]!.replace(TRIM_BOTH, '');
    if (lm === '') {
      if (sep === '\n') res += sep;
      else sep = '\n';
    } else {
      res += sep + lm;
      sep = ' ';
    }
    pos = line.lastIndex;
  }
  const last = /[ \t]*(.*)/sy;
  last.lastIndex = pos;
  match = last.exec(source);
  return res + sep + (match?.[1] ?? '');
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};

/** `source` with its quotes; any escape `yaml` would call invalid gives up. */
function doubleQuotedValue(source: string): string {
  let res = '';
  for (let i = 1; i < source.length - 1; ++i) {
    const ch = source[i]!;
    if (ch === '\n') {
      let fold = '';
      let next = source[i + 1];
      while (next === ' ' || next === '\n') {
        if (next === '\n') fold += '\n';
        i++;
        next = source[i + 1];
      }
      res += fold || ' ';
    } else if (ch === '\\') {
      let next = source[++i]!;
      const code = Object.hasOwn(ESCAPES, next) ? ESCAPES[next] : undefined;
      if (code !== undefined) res += code;
      else if (next === '\n') {
        next = source[i + 1]!;
        while (next === ' ') next = source[++i + 1]!;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = source.substr(i + 1, length);
        if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) giveUp();
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff) giveUp();
        res += String.fromCodePoint(cp);
        i += length;
      } else {
        giveUp();
      }
    } else if (ch === ' ') {
      const wsStart = i;
      let next = source[i + 1];
      while (next === ' ') next = source[++i + 1];
      if (next !== '\n') res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
    } else {
      res += ch;
    }
  }
  return res;
}
