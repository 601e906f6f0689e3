// Paths over JsonNode trees, for the functions that change a document (JSON_SET, JSON_REMOVE, JSON_ARRAY_APPEND…):
// the places a path names, each as a reference that can read, replace or remove the value there.
import { isJsonArray, isJsonObject } from './json-node.js';
import type { JsonNode } from './json-node.js';
import { resolveArrayIndex } from './json-path.js';
import type { JsonPath, JsonPathLeg } from './json-path.js';

/** A place in a tree: the value there, and how to replace it. */
export interface JsonNodeRef {
  readonly value: JsonNode;
  replace(value: JsonNode): void;
}

/** A tree with a replaceable root, so that a path of `$` (or `$[0]` of a scalar) can replace the whole document. */
export class JsonDocument {
  constructor(public root: JsonNode) {}

  get rootRef(): JsonNodeRef {
    return { value: this.root, replace: (value) => (this.root = value) };
  }

  /** The places `legs` lead to from the root (wildcards and `**` may give several), in document order. */
  find(legs: readonly JsonPathLeg[]): JsonNodeRef[] {
    let current: JsonNodeRef[] = [this.rootRef];
    for (const leg of legs) {
      const next: JsonNodeRef[] = [];
      for (const ref of current) stepRef(ref, leg, next);
      current = next;
    }
    return current;
  }

  /** The one place a path without wildcards names, or undefined when it names nothing. */
  findOne(path: JsonPath | readonly JsonPathLeg[]): JsonNodeRef | undefined {
    return this.find('legs' in path ? path.legs : path)[0];
  }
}

function stepRef(ref: JsonNodeRef, leg: JsonPathLeg, out: JsonNodeRef[]): void {
  const node = ref.value;
  switch (leg.kind) {
    case 'member':
      if (isJsonObject(node) && node.has(leg.key)) out.push(memberRef(node, leg.key));
      return;
    case 'memberWildcard':
      if (isJsonObject(node)) for (const key of node.keys()) out.push(memberRef(node, key));
      return;
    case 'cellWildcard':
      if (isJsonArray(node)) for (let i = 0; i < node.length; i++) out.push(elementRef(node, i));
      return;
    case 'cell': {
      const length = isJsonArray(node) ? node.length : 1;
      const index = resolveArrayIndex(leg.at, length);
      if (index < 0 || index >= length) return;
      out.push(isJsonArray(node) ? elementRef(node, index) : ref);
      return;
    }
    case 'range': {
      const length = isJsonArray(node) ? node.length : 1;
      const from = Math.max(resolveArrayIndex(leg.from, length), 0);
      const to = Math.min(resolveArrayIndex(leg.to, length), length - 1);
      for (let i = from; i <= to; i++) out.push(isJsonArray(node) ? elementRef(node, i) : ref);
      return;
    }
    case 'ellipsis':
      descendantRefs(ref, out);
      return;
  }
}

function memberRef(object: Map<string, JsonNode>, key: string): JsonNodeRef {
  return { value: object.get(key) ?? null, replace: (value) => object.set(key, value) };
}

function elementRef(array: JsonNode[], index: number): JsonNodeRef {
  return { value: array[index] ?? null, replace: (value) => (array[index] = value) };
}

function descendantRefs(ref: JsonNodeRef, out: JsonNodeRef[]): void {
  out.push(ref);
  const node = ref.value;
  if (isJsonObject(node)) for (const key of node.keys()) descendantRefs(memberRef(node, key), out);
  else if (isJsonArray(node)) for (let i = 0; i < node.length; i++) descendantRefs(elementRef(node, i), out);
}
