// LoadDataReader: splits the text of a LOAD DATA file into rows of fields as MySQL's FIELDS/LINES options say, chunk by chunk.
import { mysqlError, ER_NOT_SUPPORTED_YET, ER_WRONG_FIELD_TERMINATORS } from '../../errors/index.js';
import type { LoadDataStmt } from '../ast/index.js';

/** One field: its text, or null for `\N` (and an unquoted `NULL` where MySQL reads it so). */
export type LoadDataField = string | null;

/** FIELDS / LINES with MySQL's defaults filled in. */
export interface LoadDataFormat {
  readonly fieldTerminator: string;
  readonly enclosure: string;
  readonly escape: string;
  readonly lineStart: string;
  readonly lineTerminator: string;
}

/** The statement's FIELDS/LINES options with MySQL's defaults (TAB, no quotes, backslash, newline); 1083 for bad ones. */
export function loadDataFormat(stmt: LoadDataStmt): LoadDataFormat {
  const format: LoadDataFormat = {
    fieldTerminator: stmt.fields?.terminatedBy ?? '\t',
    enclosure: stmt.fields?.enclosedBy ?? '',
    escape: stmt.fields?.escapedBy ?? '\\',
    lineStart: stmt.lines?.startingBy ?? '',
    lineTerminator: stmt.lines?.terminatedBy ?? '\n',
  };
  if (format.enclosure.length > 1 || format.escape.length > 1) throw mysqlError(ER_WRONG_FIELD_TERMINATORS);
  // Fixed-width rows (both empty) are MySQL's rarely used third format.
  if (format.fieldTerminator === '' && format.enclosure === '') throw mysqlError(ER_NOT_SUPPORTED_YET, 'LOAD DATA with fixed-width rows');
  if (format.lineTerminator === '') return { ...format, lineTerminator: format.fieldTerminator };
  return format;
}

/** What an escape sequence stands for (MySQL's list; any other character stands for itself). */
const ESCAPES: Readonly<Record<string, string>> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' };

/** Why a line could not be read yet: its end is not in the text so far. */
const MORE = Symbol('more');

/**
 * Reads rows from text pushed in pieces. Only the unread tail of a line stays buffered, so memory is bounded by the
 * longest line, not the file.
 */
export class LoadDataReader {
  private text = '';
  private pos = 0;
  private readonly longestTerminator: number;

  constructor(private readonly format: LoadDataFormat) {
    this.longestTerminator = Math.max(format.fieldTerminator.length, format.lineTerminator.length, format.lineStart.length, 1);
  }

  /** Adds text and returns the rows it completes; `isEnd` marks the file's end (a last line needs no terminator). */
  push(text: string, isEnd: boolean): LoadDataField[][] {
    this.text = this.pos < this.text.length ? this.text.slice(this.pos) + text : text;
    this.pos = 0;
    const rows: LoadDataField[][] = [];
    while (this.pos < this.text.length) {
      const row = this.readLine(isEnd);
      if (row === MORE) break;
      if (row !== undefined) rows.push(row);
    }
    return rows;
  }

  /** One line from `pos`: its fields, undefined when it lacks LINES STARTING BY (skipped), MORE when incomplete. */
  private readLine(isEnd: boolean): LoadDataField[] | undefined | typeof MORE {
    const { lineStart } = this.format;
    let pos = this.pos;
    if (lineStart !== '') {
      const at = this.text.indexOf(lineStart, pos);
      if (at < 0) {
        if (isEnd) this.pos = this.text.length;
        else this.pos = Math.max(pos, this.text.length - lineStart.length + 1);
        return isEnd ? undefined : MORE;
      }
      pos = at + lineStart.length;
    }
    const fields: LoadDataField[] = [];
    for (;;) {
      const field = this.format.enclosure !== '' && this.text.startsWith(this.format.enclosure, pos) ? this.readQuoted(pos, isEnd) : this.readPlain(pos, isEnd);
      if (field === MORE) return MORE;
      fields.push(field.value);
      pos = field.next;
      if (field.isLineEnd) break;
    }
    this.pos = pos;
    return fields;
  }

  /** Whether the text from `at` may still turn into a terminator once more text arrives. */
  private isUndecided(at: number, isEnd: boolean): boolean {
    return !isEnd && this.text.length - at < this.longestTerminator;
  }

  private readPlain(start: number, isEnd: boolean): { value: LoadDataField; next: number; isLineEnd: boolean } | typeof MORE {
    const { fieldTerminator, lineTerminator, escape } = this.format;
    const text = this.text;
    let value = '';
    let pos = start;
    for (;;) {
      const fieldAt = fieldTerminator === '' ? -1 : text.indexOf(fieldTerminator, pos);
      const lineAt = text.indexOf(lineTerminator, pos);
      const escapeAt = escape === '' ? -1 : text.indexOf(escape, pos);
      let stop = Math.min(...[fieldAt, lineAt, escapeAt].filter((at) => at >= 0));
      if (!Number.isFinite(stop)) {
        if (!isEnd) return MORE;
        stop = text.length;
      }
      if (stop !== text.length && this.isUndecided(stop, isEnd)) return MORE;
      value += text.slice(pos, stop);
      const isLast = stop === text.length || stop === lineAt;
      if (stop === escapeAt && !isLast && stop !== fieldAt) {
        if (stop + 1 >= text.length && !isEnd) return MORE;
        const ch = text[stop + 1] ?? '';
        value += ESCAPES[ch] ?? ch;
        pos = stop + 2;
        continue;
      }
      const field = plainValue(value, escape !== '' && text.slice(start, stop) === escape + 'N', this.format);
      // The line terminator wins when both start here (e.g. the same string for both).
      if (stop === text.length) return { value: field, next: stop, isLineEnd: true };
      if (stop === lineAt) return { value: field, next: stop + lineTerminator.length, isLineEnd: true };
      return { value: field, next: stop + fieldTerminator.length, isLineEnd: false };
    }
  }

  private readQuoted(start: number, isEnd: boolean): { value: LoadDataField; next: number; isLineEnd: boolean } | typeof MORE {
    const { fieldTerminator, lineTerminator, escape, enclosure } = this.format;
    const text = this.text;
    let value = '';
    let pos = start + enclosure.length;
    for (;;) {
      const quoteAt = text.indexOf(enclosure, pos);
      const escapeAt = escape === '' ? -1 : text.indexOf(escape, pos);
      const stop = escapeAt >= 0 && (quoteAt < 0 || escapeAt < quoteAt) ? escapeAt : quoteAt;
      if (stop < 0) {
        if (!isEnd) return MORE;
        return { value: value + text.slice(pos), next: text.length, isLineEnd: true };
      }
      value += text.slice(pos, stop);
      if (stop === escapeAt && escape !== enclosure) {
        if (stop + 1 >= text.length && !isEnd) return MORE;
        const ch = text[stop + 1] ?? '';
        value += ESCAPES[ch] ?? ch;
        pos = stop + 2;
        continue;
      }
      const after = stop + enclosure.length;
      if (this.isUndecided(after, isEnd)) return MORE;
      if (text.startsWith(enclosure, after)) {
        // A doubled quote is one quote character.
        value += enclosure;
        pos = after + enclosure.length;
        continue;
      }
      if (after >= text.length) return { value, next: after, isLineEnd: true };
      if (text.startsWith(lineTerminator, after)) return { value, next: after + lineTerminator.length, isLineEnd: true };
      if (fieldTerminator !== '' && text.startsWith(fieldTerminator, after)) return { value, next: after + fieldTerminator.length, isLineEnd: false };
      // A quote inside the field that ends nothing is a plain character, as MySQL reads it.
      value += enclosure;
      pos = after;
    }
  }
}

/** An unquoted field's value: `\N` is NULL, and so is the word NULL when fields may be quoted or nothing escapes. */
function plainValue(value: string, isEscapedNull: boolean, format: LoadDataFormat): LoadDataField {
  if (isEscapedNull) return null;
  if (value === 'NULL' && (format.enclosure !== '' || format.escape === '')) return null;
  return value;
}
