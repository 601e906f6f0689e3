// How MySQL makes up the names of keys and constraints the user did not name.

/** MySQL names a key after its first column, adding _2, _3 … on clashes (`taken` holds lower-case names). */
export function uniqueIndexName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}_${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * The highest N among names of the form `<prefix>N` (`t_chk_3`, `t_ibfk_2`): a new unnamed constraint of the table
 * takes the next number, as MySQL's do.
 */
export function highestGeneratedNumber(names: readonly string[], prefix: string): number {
  let highest = 0;
  for (const name of names) {
    if (!name.toLowerCase().startsWith(prefix.toLowerCase())) continue;
    const suffix = name.slice(prefix.length);
    if (/^[0-9]+$/.test(suffix)) highest = Math.max(highest, Number(suffix));
  }
  return highest;
}
