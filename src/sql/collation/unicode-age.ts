// isAssignedBy: whether a code point existed in a given Unicode version (DerivedAge.txt), as older MySQL tables know.
import { readUnicodeDataFile } from './unicode-data-file.js';

/** Ranges of DerivedAge.txt sorted by start; versions as major + minor / 10 (4.0 → 4, 5.2 → 5.2). */
interface AgeRanges {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly versions: Float64Array;
}

const LINE = /^([0-9A-F]+)(?:\.\.([0-9A-F]+))?\s*;\s*(\d+)\.(\d+)/u;
let ranges: AgeRanges | undefined;

function load(): AgeRanges {
  const entries: [number, number, number][] = [];
  for (const line of readUnicodeDataFile('DerivedAge-15.0.0.txt').split('\n')) {
    const match = LINE.exec(line);
    if (!match) continue;
    const start = parseInt(match[1]!, 16);
    entries.push([start, match[2] === undefined ? start : parseInt(match[2], 16), Number(match[3]) + Number(match[4]) / 10]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  return {
    starts: Int32Array.from(entries, (entry) => entry[0]),
    ends: Int32Array.from(entries, (entry) => entry[1]),
    versions: Float64Array.from(entries, (entry) => entry[2]),
  };
}

/** True when code point `cp` was assigned in Unicode `version` or before (e.g. `isAssignedBy(cp, 4.0)`). */
export function isAssignedBy(cp: number, version: number): boolean {
  ranges ??= load();
  let low = 0;
  let high = ranges.starts.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (cp < ranges.starts[middle]!) high = middle - 1;
    else if (cp > ranges.ends[middle]!) low = middle + 1;
    else return ranges.versions[middle]! <= version;
  }
  return false;
}
