// ICU's character classes in JavaScript `v`-mode syntax: \w \d \s \h \v, POSIX names ([:alpha:]) and Unicode
// properties (\p{…}) with ICU's loose name matching (case, spaces, '_' and '-' ignored).
// https://unicode-org.github.io/icu/userguide/strings/regexp.html, https://unicode-org.github.io/icu/userguide/strings/unicodeset.html
import { mysqlError, ER_REGEXP_ILLEGAL_ARGUMENT } from '../../../../errors/index.js';

/** ICU's line terminators, as the body of a class: LF, VT, FF, CR, NEL, LS, PS. */
export const LINE_TERMINATORS = '\\n\\x0B\\f\\r\\u{85}\\u{2028}\\u{2029}';
/** ICU's \w: alphabetic, marks, decimal digits, connector punctuation, ZWNJ and ZWJ (not ASCII-only as JS's). */
export const WORD_CHARS = '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\u{200C}\\u{200D}';

/** POSIX-style names as ICU defines them (UTS #18 annex C). */
const POSIX_CLASSES: ReadonlyMap<string, string> = new Map([
  ['alpha', '\\p{Alphabetic}'],
  ['lower', '\\p{Lowercase}'],
  ['upper', '\\p{Uppercase}'],
  ['punct', '\\p{P}'],
  ['digit', '\\p{Nd}'],
  ['xdigit', '[\\p{Nd}\\p{Hex_Digit}]'],
  ['alnum', '[\\p{Alphabetic}\\p{Nd}]'],
  ['space', '\\p{White_Space}'],
  ['blank', '[\\t\\p{Zs}]'],
  ['cntrl', '\\p{Cc}'],
  ['graph', '[^\\p{White_Space}\\p{Cc}\\p{Cs}\\p{Cn}]'],
  ['print', '[[\\t\\p{Zs}[^\\p{White_Space}\\p{Cc}\\p{Cs}\\p{Cn}]]--\\p{Cc}]'],
  ['word', `[${WORD_CHARS}]`],
]);

/** General_Category values, short and long names. */
const GENERAL_CATEGORIES: readonly (readonly [string, string])[] = [
  ['L', 'Letter'], ['LC', 'Cased_Letter'], ['Lu', 'Uppercase_Letter'], ['Ll', 'Lowercase_Letter'], ['Lt', 'Titlecase_Letter'],
  ['Lm', 'Modifier_Letter'], ['Lo', 'Other_Letter'], ['M', 'Mark'], ['Mn', 'Nonspacing_Mark'], ['Mc', 'Spacing_Mark'],
  ['Me', 'Enclosing_Mark'], ['N', 'Number'], ['Nd', 'Decimal_Number'], ['Nl', 'Letter_Number'], ['No', 'Other_Number'],
  ['P', 'Punctuation'], ['Pc', 'Connector_Punctuation'], ['Pd', 'Dash_Punctuation'], ['Ps', 'Open_Punctuation'],
  ['Pe', 'Close_Punctuation'], ['Pi', 'Initial_Punctuation'], ['Pf', 'Final_Punctuation'], ['Po', 'Other_Punctuation'],
  ['S', 'Symbol'], ['Sm', 'Math_Symbol'], ['Sc', 'Currency_Symbol'], ['Sk', 'Modifier_Symbol'], ['So', 'Other_Symbol'],
  ['Z', 'Separator'], ['Zs', 'Space_Separator'], ['Zl', 'Line_Separator'], ['Zp', 'Paragraph_Separator'], ['C', 'Other'],
  ['Cc', 'Control'], ['Cf', 'Format'], ['Cs', 'Surrogate'], ['Co', 'Private_Use'], ['Cn', 'Unassigned'],
];

/** The binary properties ECMAScript's \p{…} knows (and ICU with them). */
const BINARY_PROPERTIES: readonly string[] = [
  'ASCII', 'ASCII_Hex_Digit', 'Alphabetic', 'Any', 'Assigned', 'Bidi_Control', 'Bidi_Mirrored', 'Case_Ignorable', 'Cased',
  'Changes_When_Casefolded', 'Changes_When_Casemapped', 'Changes_When_Lowercased', 'Changes_When_NFKC_Casefolded',
  'Changes_When_Titlecased', 'Changes_When_Uppercased', 'Dash', 'Default_Ignorable_Code_Point', 'Deprecated', 'Diacritic',
  'Emoji', 'Emoji_Component', 'Emoji_Modifier', 'Emoji_Modifier_Base', 'Emoji_Presentation', 'Extended_Pictographic',
  'Extender', 'Grapheme_Base', 'Grapheme_Extend', 'Hex_Digit', 'IDS_Binary_Operator', 'IDS_Trinary_Operator', 'ID_Continue',
  'ID_Start', 'Ideographic', 'Join_Control', 'Logical_Order_Exception', 'Lowercase', 'Math', 'Noncharacter_Code_Point',
  'Pattern_Syntax', 'Pattern_White_Space', 'Quotation_Mark', 'Radical', 'Regional_Indicator', 'Sentence_Terminal',
  'Soft_Dotted', 'Terminal_Punctuation', 'Unified_Ideograph', 'Uppercase', 'Variation_Selector', 'White_Space',
  'XID_Continue', 'XID_Start',
];

/** ICU compares property names loosely: case, spaces, underscores and hyphens do not count. */
const loose = (name: string): string => name.toLowerCase().replace(/[\s_-]/g, '');

const categoryByName = new Map<string, string>(GENERAL_CATEGORIES.flatMap(([short, long]) => [[loose(short), short], [loose(long), short]]));
// A few single-letter names clash when folded (e.g. 'L' and 'l'); the loose map keeps the category, which ICU prefers.
const binaryByName = new Map<string, string>(BINARY_PROPERTIES.map((name) => [loose(name), name]));
const scriptCache = new Map<string, string | undefined>();

function isValidJsClass(source: string): boolean {
  try {
    new RegExp(source, 'v');
    return true;
  } catch {
    return false;
  }
}

/** A script name as JavaScript spells it (`Greek`, `Old_Italic`, `Grek`), tried in ICU's loose forms. */
function scriptName(name: string): string | undefined {
  const key = loose(name);
  if (scriptCache.has(key)) return scriptCache.get(key);
  const words = name.trim().split(/[\s_-]+/).filter((word) => word.length > 0);
  const titled = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()).join('_');
  const found = [name, titled].find((candidate) => /^[A-Za-z_]+$/.test(candidate) && isValidJsClass(`\\p{Script=${candidate}}`));
  scriptCache.set(key, found);
  return found;
}

/** `name=value` properties: General_Category and Script (Extensions); others (Block, …) are not available. */
function keyedProperty(key: string, value: string): string | undefined {
  switch (loose(key)) {
    case 'gc':
    case 'generalcategory': {
      const category = categoryByName.get(loose(value));
      return category === undefined ? undefined : `\\p{${category}}`;
    }
    case 'sc':
    case 'script':
    case 'scx':
    case 'scriptextensions': {
      const script = scriptName(value);
      const jsKey = loose(key).startsWith('scx') || loose(key) === 'scriptextensions' ? 'Script_Extensions' : 'Script';
      return script === undefined ? undefined : `\\p{${jsKey}=${script}}`;
    }
    default:
      return undefined;
  }
}

/**
 * The class (as a `v`-mode operand: `\p{…}` or a nested `[…]`) that ICU's `\p{name}` / `[:name:]` means. A name ICU
 * would not know, or one JavaScript cannot express, is ER_REGEXP_ILLEGAL_ARGUMENT (3685) as MySQL reports it.
 */
export function propertyClass(name: string): string {
  const equals = name.indexOf('=');
  const resolved =
    equals >= 0
      ? keyedProperty(name.slice(0, equals), name.slice(equals + 1))
      : (POSIX_CLASSES.get(loose(name)) ??
        (categoryByName.has(loose(name)) ? `\\p{${categoryByName.get(loose(name))!}}` : undefined) ??
        (binaryByName.has(loose(name)) ? `\\p{${binaryByName.get(loose(name))!}}` : undefined) ??
        (scriptName(name) === undefined ? undefined : `\\p{Script=${scriptName(name)!}}`));
  if (resolved === undefined) throw mysqlError(ER_REGEXP_ILLEGAL_ARGUMENT);
  return resolved;
}

/** The complement of a class operand. */
export function negatedClass(operand: string): string {
  if (operand.startsWith('\\p{')) return `\\P${operand.slice(2)}`;
  return `[^${operand}]`;
}

/** The class an ICU escape letter stands for (`\d` → `\p{Nd}`), or undefined when the letter is no class escape. */
export function classEscape(letter: string): string | undefined {
  switch (letter) {
    case 'd':
      return '\\p{Nd}';
    case 'D':
      return '\\P{Nd}';
    case 'w':
      return `[${WORD_CHARS}]`;
    case 'W':
      return `[^${WORD_CHARS}]`;
    case 's':
      return '\\p{White_Space}';
    case 'S':
      return '\\P{White_Space}';
    case 'h':
      return '[\\t\\p{Zs}]';
    case 'H':
      return '[^\\t\\p{Zs}]';
    case 'v':
      return `[${LINE_TERMINATORS}]`;
    case 'V':
      return `[^${LINE_TERMINATORS}]`;
    default:
      return undefined;
  }
}

/** A code point as JavaScript `v`-mode source, safe both inside and outside a class. */
export function literalSource(cp: number): string {
  const isPlain = (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return isPlain ? String.fromCodePoint(cp) : `\\u{${cp.toString(16)}}`;
}

/** The code points that match `cp` case-insensitively (simple upper/lower mappings), `cp` first. */
export function caseVariants(cp: number): number[] {
  const char = String.fromCodePoint(cp);
  const variants = new Set<number>([cp]);
  for (const mapped of [char.toLowerCase(), char.toUpperCase()]) {
    if ([...mapped].length === 1) variants.add(mapped.codePointAt(0)!);
  }
  return [...variants];
}
