// seekJsonPath: the values a path selects in a binary document, found by following offsets (nothing is decoded).
import { JsonType, containerCount, containerValue, findObjectKey } from './json-binary.js';
import type { JsonSlot } from './json-binary.js';
import { resolveArrayIndex } from './json-path.js';
import type { JsonPath, JsonPathLeg } from './json-path.js';
import { JsonValue } from './json-value.js';

/**
 * Every value `path` selects in `document`, in document order, each once. As in MySQL, an array index or range
 * applied to a value that is no array treats it as a one-element array (`$[0]` of a scalar is the scalar).
 * With `isOnlyOne`, stops at the first match.
 */
export function seekJsonPath(document: JsonValue, path: JsonPath, isOnlyOne = false): JsonValue[] {
  const buffer = document.buffer;
  let current: JsonSlot[] = [{ type: document.type, at: document.at }];
  for (const leg of path.legs) {
    const next: JsonSlot[] = [];
    for (const slot of current) step(buffer, slot, leg, next);
    current = next;
    if (current.length === 0) return [];
  }
  if (path.canMatchMany) current = unique(current);
  if (isOnlyOne && current.length > 1) current = current.slice(0, 1);
  return current.map((slot) => (slot.type === document.type && slot.at === document.at ? document : new JsonValue(slot.type, buffer, slot.at)));
}

function step(buffer: Buffer, slot: JsonSlot, leg: JsonPathLeg, out: JsonSlot[]): void {
  const isObject = slot.type === JsonType.object;
  const isArray = slot.type === JsonType.array;
  switch (leg.kind) {
    case 'member': {
      if (!isObject) return;
      const index = findObjectKey(buffer, slot.at, leg.keyBytes);
      if (index >= 0) out.push(containerValue(buffer, slot.at, true, index));
      return;
    }
    case 'memberWildcard':
      if (isObject) for (let i = 0; i < containerCount(buffer, slot.at); i++) out.push(containerValue(buffer, slot.at, true, i));
      return;
    case 'cellWildcard':
      if (isArray) for (let i = 0; i < containerCount(buffer, slot.at); i++) out.push(containerValue(buffer, slot.at, false, i));
      return;
    case 'cell': {
      const length = isArray ? containerCount(buffer, slot.at) : 1;
      const index = resolveArrayIndex(leg.at, length);
      if (index < 0 || index >= length) return;
      out.push(isArray ? containerValue(buffer, slot.at, false, index) : slot);
      return;
    }
    case 'range': {
      const length = isArray ? containerCount(buffer, slot.at) : 1;
      const from = Math.max(resolveArrayIndex(leg.from, length), 0);
      const to = Math.min(resolveArrayIndex(leg.to, length), length - 1);
      for (let i = from; i <= to; i++) out.push(isArray ? containerValue(buffer, slot.at, false, i) : slot);
      return;
    }
    case 'ellipsis':
      descendants(buffer, slot, out);
      return;
  }
}

/** The value and all values nested in it, parents before children. */
function descendants(buffer: Buffer, slot: JsonSlot, out: JsonSlot[]): void {
  out.push(slot);
  if (slot.type !== JsonType.object && slot.type !== JsonType.array) return;
  const isObject = slot.type === JsonType.object;
  const count = containerCount(buffer, slot.at);
  for (let i = 0; i < count; i++) descendants(buffer, containerValue(buffer, slot.at, isObject, i), out);
}

/** Drops repeated slots (`**` can reach one value along several routes), keeping the first. */
function unique(slots: readonly JsonSlot[]): JsonSlot[] {
  const seen = new Set<number>();
  return slots.filter((slot) => {
    if (seen.has(slot.at)) return false;
    seen.add(slot.at);
    return true;
  });
}
