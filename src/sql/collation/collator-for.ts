// collatorFor: the shared Collator of a collation name, built on first use.
import { collationInfo } from './collation-registry.js';
import { CodePointCollator } from './codepoint-collator.js';
import type { Collator } from './collator.js';
import { GeneralCollator } from './general-collator.js';
import { Latin1SwedishCollator } from './latin1-collator.js';
import { UcaCollator } from './uca-collator.js';

const collators = new Map<string, Collator>();

/** The collator of `name` (a name TidalDB produced: a column's or expression's collation). */
export function collatorFor(name: string): Collator {
  let collator = collators.get(name);
  if (!collator) {
    collator = build(name);
    collators.set(name, collator);
  }
  return collator;
}

function build(name: string): Collator {
  const info = collationInfo(name);
  const algorithm = info.algorithm;
  switch (algorithm.kind) {
    case 'binary':
      return new CodePointCollator(info.name, false);
    case 'codepoint':
      return new CodePointCollator(info.name, algorithm.isPadSpace);
    case 'general':
      return new GeneralCollator(info.name);
    case 'latin1':
      return new Latin1SwedishCollator(info.name);
    case 'uca':
      return new UcaCollator(info.name, algorithm.version, algorithm.levels, info.isPadSpace, algorithm.tailoring);
  }
}
