import { applyDecorators } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';
import type { FieldProblem } from './field-problem';

/**
 * Characters no field may hold: C0 and C1 controls and DEL (`\p{Cc}`), lone surrogates
 * (`\p{Cs}`; a well-formed pair is one code point under the `u` flag) and the bidirectional
 * embeddings, overrides and isolates that make text read differently from what is stored.
 */
const NEVER = String.raw`\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069`;

/** A single line (names, titles, ids): none of {@link NEVER}, so no tab or line break either. */
export const SINGLE_LINE = new RegExp(`^[^${NEVER}]*$`, 'u');

/** Free text (descriptions, comments, notes, reasons) may also break lines and hold tabs. */
export const FREE_TEXT = new RegExp(`^(?:[\\t\\n]|[^${NEVER}])*$`, 'u');

const FIRST_REFUSED = new RegExp(`[${NEVER}]`, 'gu');

const freeTextFields = new WeakMap<object, Set<string>>();

/**
 * Declares a string field free text: it may hold tabs and line breaks. Every other string of a
 * request is a single line, so a new DTO gets the strict rule without asking for it. The
 * pattern is declared for class-validator too, so a schema generated from the decorators shows it.
 */
export function FreeText(): PropertyDecorator {
  const mark: PropertyDecorator = (target, property) => {
    const own = freeTextFields.get(target) ?? new Set<string>();
    own.add(String(property));
    freeTextFields.set(target, own);
  };
  return applyDecorators(
    mark,
    IsString(),
    Matches(FREE_TEXT, {
      message:
        '$property may not hold control characters but tab and newline, bidi controls or lone surrogates',
    }),
  );
}

function isFreeText(type: (new (...args: never[]) => unknown) | undefined, field: string): boolean {
  for (
    let proto: object | null = (type?.prototype as object | undefined) ?? null;
    proto;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    if (freeTextFields.get(proto)?.has(field)) return true;
  }
  return false;
}

/** What is wrong with one string, or null: names the first refused character by code point. */
export function textProblem(text: string, freeText: boolean): string | null {
  for (const match of text.matchAll(FIRST_REFUSED)) {
    const char = match[0];
    if (freeText && (char === '\t' || char === '\n')) continue;
    const code = char.codePointAt(0) ?? 0;
    const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    if (code >= 0xd800 && code <= 0xdfff) return `holds ${name}, a lone surrogate (not a character)`;
    if (code >= 0x202a) return `holds ${name}, a bidirectional control character`;
    return `holds ${name}, a control character${freeText ? ' (only tab and newline are allowed)' : ''}`;
  }
  return null;
}

/**
 * Every string in a request's fields (at any depth, so the items of a list too) checked against
 * the rule of its top-level field: free text where the DTO says so, a single line otherwise.
 */
export function textProblems(
  value: unknown,
  type: (new (...args: never[]) => unknown) | undefined,
): FieldProblem[] {
  if (value === null || typeof value !== 'object') return [];
  const problems: FieldProblem[] = [];
  for (const [field, fieldValue] of Object.entries(value)) {
    const freeText = isFreeText(type, field);
    const pending: Array<[string, unknown]> = [[field, fieldValue]];
    for (let next = pending.pop(); next; next = pending.pop()) {
      const [path, item] = next;
      if (typeof item === 'string') {
        const problem = textProblem(item, freeText);
        if (problem) problems.push({ field: path, problems: [problem] });
      } else if (item !== null && typeof item === 'object') {
        for (const [key, child] of Object.entries(item)) pending.push([`${path}.${key}`, child]);
      }
    }
  }
  return problems;
}

/**
 * The identity of an id in a list, for `@ArrayUnique(sameIdAnyCase)`: a UUID is the same id in
 * upper and lower case, so a list naming one twice in two cases names it twice.
 */
export function sameIdAnyCase(id: unknown): unknown {
  return typeof id === 'string' ? id.toLowerCase() : id;
}
