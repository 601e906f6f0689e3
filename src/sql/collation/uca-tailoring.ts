// Language tailorings of MySQL's UCA 4.0.0 collations (`*_swedish_ci`, `*_esperanto_ci`), as ctype-uca.cc states
// them: `&A < x` puts x right after A's letter at the primary level, `<<`/`<<<` make it equal to the previous one there.
import type { UcaTable } from './uca-table.js';

/** The tailorings TidalDB implements, by the collation name's language part. */
export type UcaTailoring = 'swedish' | 'esperanto';

/** One rule: after `anchor`, each step's characters get the next primary weight (a step's characters share it). */
interface TailoringRule {
  readonly anchor: string;
  readonly steps: readonly string[];
  /** Characters with the anchor's own primary (`&Y << ü`). */
  readonly equal?: string;
}

const RULES: Readonly<Record<UcaTailoring, readonly TailoringRule[]>> = {
  // &Y << ü <<< Ü &Z < å <<< Å < ä <<< Ä << æ <<< Æ < ö <<< Ö << ø <<< Ø
  swedish: [
    { anchor: 'y', steps: [], equal: 'üÜ' },
    { anchor: 'z', steps: ['åÅ', 'äÄæÆ', 'öÖøØ'] },
  ],
  // &C < ĉ <<< Ĉ &G < ĝ <<< Ĝ &H < ĥ <<< Ĥ &J < ĵ <<< Ĵ &S < ŝ <<< Ŝ &U < ŭ <<< Ŭ
  esperanto: [
    { anchor: 'c', steps: ['ĉĈ'] },
    { anchor: 'g', steps: ['ĝĜ'] },
    { anchor: 'h', steps: ['ĥĤ'] },
    { anchor: 'j', steps: ['ĵĴ'] },
    { anchor: 's', steps: ['ŝŜ'] },
    { anchor: 'u', steps: ['ŭŬ'] },
  ],
};

/**
 * A primary weight above every DUCET 4.0.0 primary (implicit weights end below 0xFC00). A tailored character weighs
 * as its anchor followed by TAIL + step, so it sorts after every string that starts with the anchor's letter and
 * before the next letter.
 */
const TAIL = 0xfe00;
const COMMON_SECONDARY = 0x0020;
const COMMON_TERTIARY = 0x0002;

/** `base` with the characters of `tailoring` weighed as its rules say. */
export function tailoredTable(base: UcaTable, tailoring: UcaTailoring): UcaTable {
  const overrides = new Map<number, Uint16Array>();
  for (const rule of RULES[tailoring]) {
    const anchor = base.elementsOf(rule.anchor.codePointAt(0)!);
    for (const char of rule.equal ?? '') overrides.set(char.codePointAt(0)!, anchor);
    rule.steps.forEach((step, index) => {
      const elements = Uint16Array.of(...anchor, TAIL + index, COMMON_SECONDARY, COMMON_TERTIARY);
      for (const char of step) overrides.set(char.codePointAt(0)!, elements);
    });
  }
  return { version: base.version, elementsOf: (cp) => overrides.get(cp) ?? base.elementsOf(cp) };
}
