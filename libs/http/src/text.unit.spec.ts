import { IsString } from 'class-validator';
import { FreeText, textProblem, textProblems } from './text';
import { structureProblems } from './intake';

class Note {
  @IsString() title!: string;
  @FreeText() body!: string;
}
class LongerNote extends Note {
  @FreeText() remark!: string;
}

describe('characters a request may hold', () => {
  it('a single line refuses tab, newline, carriage return, NUL, ESC, DEL and C1 controls', () => {
    for (const text of ['a\tb', 'a\nb', 'a\rb', 'a\u0000b', '\u001b[31m', 'a\u007f', 'a\u0085b']) {
      expect(textProblem(text, false)).toMatch(/control character/);
    }
  });

  it('free text takes tab and newline but no other control character', () => {
    expect(textProblem('line one\n\tline two', true)).toBeNull();
    expect(textProblem('a\r\nb', true)).toBe(
      'holds U+000D, a control character (only tab and newline are allowed)',
    );
  });

  it('bidi embeddings, overrides and isolates are refused everywhere', () => {
    for (const char of [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ]) {
      expect(textProblem(`abc${char}def`, true)).toMatch(/bidirectional control/);
    }
  });

  it('a lone surrogate is refused, a surrogate pair (an emoji) is a character', () => {
    expect(textProblem('a\ud800b', true)).toBe('holds U+D800, a lone surrogate (not a character)');
    expect(textProblem('\udc00', false)).toMatch(/lone surrogate/);
    expect(textProblem('fixed 👍 漏水', false)).toBeNull();
  });

  it('a field is free text only where its DTO (or one it extends) says so', () => {
    const sent = { title: 'a\nb', body: 'a\nb', remark: 'a\nb', items: ['ok', 'x\u0000'] };
    expect(textProblems(sent, LongerNote)).toEqual([
      { field: 'title', problems: ['holds U+000A, a control character'] },
      { field: 'items.1', problems: ['holds U+0000, a control character'] },
    ]);
    expect(textProblems(sent, Note).map((p) => p.field)).toEqual(['title', 'remark', 'items.1']);
  });
});

describe('the shape of a parsed body', () => {
  it('a 100,000-deep array is refused at the depth limit without recursion', () => {
    const deep = JSON.parse(`{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`) as object;
    const [problem] = structureProblems(deep);
    expect(problem?.problems).toEqual(['nests deeper than 16 levels']);
  });

  it('prototype keys are named at any depth', () => {
    const body = JSON.parse('{"__proto__":{},"a":[{"constructor":1}],"b":{"prototype":2}}') as object;
    expect(
      structureProblems(body)
        .map((p) => p.field)
        .sort(),
    ).toEqual(['__proto__', 'a.0.constructor', 'b.prototype']);
  });
});
