/**
 * Random knowledge-file-like YAML for test/knowledge/fast-path.test.ts: the constructs
 * knowledge files use, at odd indentations, with now and then something YAML trips over,
 * and sometimes damaged (a character put in or taken out, a line repeated).
 */
import { mulberry32, Rng } from '../../bench/synthetic.js';

export class Gen extends Rng {
  constructor(seed: number) {
    super(mulberry32(seed));
  }

  /** Mostly words a knowledge file has; now and then one that trips YAML up. */
  word(): string {
    if (this.chance(0.96)) {
      return this.pick(['talks', 'Iran', 'u.s.', "it's", 'café', 'x:y', 'a#b', '100%', 'e-mail', '2025-01-15', 'back-channel', '"quoted"',
        'semi;colon', 'why?', 'https://x.org/a', 'ünï', 'dash-', 'a,b', '[x]', '{y}', 'a&b', 'a*b', 'wow!', "'", '"', '\\', '\\n', 'plain', 'the', 'of']);
    }
    return this.pick(['null', 'true', '12', '1.5', '0x1f', '~', '-lead', 'key:', '#tag', '&anchor', '*alias', '!tag', '|', '>', '@at', '`tick`',
      'tab\there', ':', '-', '?', '[', ']', '{', '}', ',']);
  }
  words(n: number): string {
    return Array.from({ length: n }, () => this.word()).join(this.chance(0.1) ? '  ' : ' ');
  }
  key(): string {
    if (this.chance(0.97)) return this.pick(['id', 'question', 'answer', 'sources', 'tags', 'alternates', 'title', 'src-a', 'src-b', 'a_b', 'x1', 'Key', 'k-e-y', '2024-report', '9lives']);
    return this.pick(['12', 'null', 'true', '__proto__', 'constructor', 'a b', 'é', '"q"', 'with.dot', '-k', '1e3', 'id']);
  }
  pad(n: number): string {
    return ' '.repeat(n);
  }

  /** A scalar written after "key: " or "- " at column `col`, in a collection at column `parent`. */
  scalar(parent: number): string {
    const more = () => this.pad(parent + this.pick([0, 1, 1, 2, 2, 2, 3, 4]));
    switch (this.int(0, 6)) {
      case 0:
        return this.words(this.int(1, 4));
      case 1: {
        // Plain over lines, maybe with blank lines between.
        const lines = [this.words(this.int(1, 3))];
        for (let i = this.int(1, 3); i > 0; i--) {
          if (this.chance(0.2)) lines.push(this.chance(0.5) ? '' : this.pad(this.int(0, 6)));
          lines.push(more() + this.words(this.int(1, 3)) + (this.chance(0.2) ? '  ' : ''));
        }
        return lines.join('\n');
      }
      case 2:
      case 3: {
        const q = this.pick(['"', "'"]);
        const body = () =>
          this.words(this.int(0, 3)).replace(q === "'" ? /'/g : /(["\\])/g, q === "'" ? "''" : '\\$1') +
          (q === '"' && this.chance(0.2) ? this.pick(['\\t', '\\u00e9', '\\x41', '\\"', '\\\\', '\\ ', '\\/', '\\N', '\\q', '\\U0001F600', '\\uZZZZ']) : '');
        const lines = [q + body()];
        for (let i = this.int(0, 2); i > 0; i--) {
          if (this.chance(0.2)) lines.push('');
          if (q === '"' && this.chance(0.2)) lines[lines.length - 1] += '\\';
          lines.push(more() + body() + (this.chance(0.2) ? ' ' : ''));
        }
        return `${lines.join('\n')}${q}${this.chance(0.1) ? ' # note' : ''}`;
      }
      case 4: {
        const header = this.chance(0.9) ? this.pick(['|', '>', '|-', '>-', '>- ']) : this.pick(['>+', '|2', '> # c']);
        const indent = parent + this.pick([0, 1, 2, 2, 2, 4]);
        const lines = [header];
        if (this.chance(0.2)) lines.push('');
        for (let i = this.int(1, 4); i > 0; i--) {
          if (this.chance(0.15)) lines.push('');
          lines.push(this.pad(indent + (this.chance(0.15) ? this.int(1, 3) : 0)) + this.words(this.int(1, 4)));
        }
        if (this.chance(0.2)) lines.push('');
        return lines.join('\n');
      }
      case 5: {
        const items = Array.from({ length: this.int(0, 4) }, () =>
          this.chance(0.3) ? `"${this.words(this.int(0, 2)).replace(/(["\\])/g, '\\$1')}"` : this.chance(0.1) ? `'${this.word().replace(/'/g, "''")}'` : this.word());
        return `[${items.join(this.pick([', ', ',', ' , ']))}${this.chance(0.05) ? ',' : ''}]${this.chance(0.1) ? ' # c' : ''}`;
      }
      default:
        return this.chance(0.5) ? '' : this.words(1);
    }
  }

  /** A mapping's lines at column `col`. */
  mapping(col: number, depth: number): string[] {
    const out: string[] = [];
    for (let i = this.int(1, 4); i > 0; i--) {
      if (this.chance(0.1)) out.push(this.pad(this.int(0, col + 2)) + '# a comment: here');
      if (this.chance(0.1)) out.push(this.chance(0.5) ? '' : this.pad(this.int(1, 5)));
      const key = this.key();
      const r = this.next();
      if (depth < 3 && r < 0.25) {
        out.push(`${this.pad(col)}${key}:${this.chance(0.1) ? ' # c' : ''}`);
        out.push(...this.mapping(col + this.pick([1, 2, 2, 4]), depth + 1));
      } else if (depth < 3 && r < 0.5) {
        out.push(`${this.pad(col)}${key}:`);
        out.push(...this.sequence(col + this.pick([0, 1, 2, 2, 4]), depth + 1));
      } else {
        const value = this.scalar(col);
        out.push(`${this.pad(col)}${key}:${value === '' ? '' : ' '}${value}`);
      }
    }
    return out;
  }

  sequence(col: number, depth: number): string[] {
    const out: string[] = [];
    for (let i = this.int(1, 4); i > 0; i--) {
      if (this.chance(0.1)) out.push(this.pad(this.int(0, col + 2)) + '# item comment');
      const gap = this.pick([' ', ' ', ' ', '  ', '   ']);
      const r = this.next();
      if (depth < 3 && r < 0.3) {
        // "- key: value" and more keys under it.
        const inner = this.mapping(col + 1 + gap.length, depth + 1);
        out.push(`${this.pad(col)}-${gap}${inner[0]!.trimStart()}`, ...inner.slice(1));
      } else if (depth < 3 && r < 0.4) {
        const inner = this.sequence(col + 1 + gap.length, depth + 1);
        out.push(`${this.pad(col)}-${gap}${inner[0]!.trimStart()}`, ...inner.slice(1));
      } else {
        const value = this.scalar(col);
        out.push(`${this.pad(col)}-${value === '' ? '' : gap}${value}`);
      }
    }
    return out;
  }

  document(): string {
    const lines = this.mapping(0, 0);
    if (this.chance(0.2)) lines.unshift('# header comment');
    let text = lines.join('\n') + (this.chance(0.8) ? '\n' : '');
    // Damage: a character put in, taken out, or a line repeated.
    for (let n = this.chance(0.3) ? this.int(1, 3) : 0; n > 0; n--) {
      const at = this.int(0, text.length);
      const kind = this.int(0, 2);
      if (kind === 0) text = text.slice(0, at) + this.pick([':', '#', '-', ' ', '\n', '"', "'", '[', ']', ',', '&', '*', '!', '|', '>', '\t', '\r', 'x', '  ']) + text.slice(at);
      else if (kind === 1) text = text.slice(0, at) + text.slice(at + 1);
      else {
        const ls = text.split('\n');
        const l = this.int(0, ls.length - 1);
        ls.splice(l, 0, ls[l]!);
        text = ls.join('\n');
      }
    }
    return text;
  }
}

