// Searching JSON: JSON_CONTAINS, JSON_CONTAINS_PATH, JSON_OVERLAPS, JSON_SEARCH, JSON_KEYS and `MEMBER OF`.
// https://dev.mysql.com/doc/refman/8.0/en/json-search-functions.html
import { compareJsonKeys, compareJsonNodes, isJsonArray, isJsonObject, seekJsonPath, toText } from '../../types/index.js';
import type { JsonNode, JsonPath, JsonPathLeg, SqlValue } from '../../types/index.js';
import { resolveArrayIndex } from '../../types/index.js';
import { likePatternToRegExp } from '../like-pattern.js';
import { BOOL_RESULT_TYPE } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { documentArg, documentOrPathTarget, jsonFunction, jsonResult, oneOrAll, pathReader, requireSinglePath, valueArg } from './json-args.js';

/** True when `candidate` is contained in `target`, by MySQL's rules for JSON_CONTAINS. */
export function contains(target: JsonNode, candidate: JsonNode): boolean {
  if (isJsonArray(target)) {
    if (isJsonArray(candidate)) return candidate.every((element) => target.some((item) => contains(item, element)));
    return target.some((item) => contains(item, candidate));
  }
  if (isJsonObject(target)) {
    if (!isJsonObject(candidate)) return false;
    for (const [key, value] of candidate) {
      if (!target.has(key) || !contains(target.get(key) ?? null, value)) return false;
    }
    return true;
  }
  if (isJsonArray(candidate) || isJsonObject(candidate)) return false;
  return compareJsonNodes(target, candidate) === 0;
}

/** JSON_CONTAINS(target, candidate[, path]). */
const jsonContains: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 3,
  compile: (args, context, call) => {
    const readPath = pathReader();
    return jsonFunction(2, 3, (values) => {
      const target = documentArg(values[0] ?? null, 0, 'json_contains');
      const candidate = documentArg(values[1] ?? null, 1, 'json_contains');
      if (target === null || candidate === null) return null;
      let within = target;
      if (values.length > 2) {
        const path = readPath(values[2] ?? null);
        if (path === null) return null;
        const found = seekJsonPath(target, requireSinglePath(path), true)[0];
        if (found === undefined) return null;
        within = found;
      }
      return contains(within.toNode(), candidate.toNode()) ? 1n : 0n;
    }, BOOL_RESULT_TYPE).compile(args, context, call);
  },
};

/** JSON_CONTAINS_PATH(doc, 'one'|'all', path, …). */
const jsonContainsPath: BuiltinFunction = {
  minArgs: 3,
  maxArgs: Infinity,
  compile: (args, context, call) => {
    const readers = args.map(() => pathReader());
    return jsonFunction(3, Infinity, (values) => {
      const document = documentArg(values[0] ?? null, 0, 'json_contains_path');
      if (document === null || values[1] === null) return null;
      const mode = oneOrAll(values[1] ?? null, 'json_contains_path');
      const paths: JsonPath[] = [];
      for (let i = 2; i < values.length; i++) {
        const path = readers[i]!(values[i] ?? null);
        if (path === null) return null;
        paths.push(path);
      }
      const test = (path: JsonPath): boolean => seekJsonPath(document, path, true).length > 0;
      return (mode === 'one' ? paths.some(test) : paths.every(test)) ? 1n : 0n;
    }, BOOL_RESULT_TYPE).compile(args, context, call);
  },
};

/** True when two values share an array element or an object member (or, for scalars, are equal). */
export function overlaps(a: JsonNode, b: JsonNode): boolean {
  if (isJsonArray(a) || isJsonArray(b)) {
    const left = isJsonArray(a) ? a : [a];
    const right = isJsonArray(b) ? b : [b];
    return left.some((x) => right.some((y) => compareJsonNodes(x, y) === 0));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    for (const [key, value] of a) if (b.has(key) && compareJsonNodes(value, b.get(key) ?? null) === 0) return true;
    return false;
  }
  return compareJsonNodes(a, b) === 0;
}

const jsonOverlaps = jsonFunction(2, 2, (values) => {
  const a = documentArg(values[0] ?? null, 0, 'json_overlaps');
  const b = documentArg(values[1] ?? null, 1, 'json_overlaps');
  if (a === null || b === null) return null;
  return overlaps(a.toNode(), b.toNode()) ? 1n : 0n;
}, BOOL_RESULT_TYPE);

/** `value MEMBER OF (array)`: the value (as JSON, by its SQL type) equals an element of the array (or the non-array). */
const memberOf: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 2,
  compile: (args, context, call) =>
    jsonFunction(2, 2, (values) => {
      if (values[0] === null) return null;
      const array = documentArg(values[1] ?? null, 1, 'member of');
      if (array === null) return null;
      const value = valueArg(values[0] ?? null, args[0]!.type);
      const node = array.toNode();
      return (isJsonArray(node) ? node : [node]).some((element) => compareJsonNodes(element, value) === 0) ? 1n : 0n;
    }, BOOL_RESULT_TYPE).compile(args, context, call),
};

/** JSON_KEYS(doc[, path]): the keys of the object there, in stored order; NULL for anything else. */
const jsonKeys: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 2,
  compile: (args, context, call) => {
    const readPath = pathReader();
    return jsonFunction(1, 2, (values) => {
      const target = documentOrPathTarget(values, readPath, 'json_keys');
      if (target === null) return null;
      const node = target.toNode();
      return isJsonObject(node) ? jsonResult([...node.keys()].sort(compareJsonKeys)) : null;
    }).compile(args, context, call);
  },
};

/** One step of a concrete location: a member name or an array index. */
type Step = string | number;

/** A location as JSON_SEARCH prints it: `$.name`, `$."odd key"`, `$[2]`. */
function formatLocation(steps: readonly Step[]): string {
  return `$${steps.map((step) => (typeof step === 'number' ? `[${step}]` : /^[\p{ID_Start}$_][\p{ID_Continue}$]*$/u.test(step) ? `.${step}` : `.${JSON.stringify(step)}`)).join('')}`;
}

interface Located {
  readonly steps: readonly Step[];
  readonly node: JsonNode;
}

/** The locations a path selects, with their steps from the root. */
function locate(root: JsonNode, legs: readonly JsonPathLeg[]): Located[] {
  let current: Located[] = [{ steps: [], node: root }];
  for (const leg of legs) {
    const next: Located[] = [];
    for (const place of current) {
      const { node, steps } = place;
      switch (leg.kind) {
        case 'member':
          if (isJsonObject(node) && node.has(leg.key)) next.push({ steps: [...steps, leg.key], node: node.get(leg.key) ?? null });
          break;
        case 'memberWildcard':
          if (isJsonObject(node)) for (const key of [...node.keys()].sort(compareJsonKeys)) next.push({ steps: [...steps, key], node: node.get(key) ?? null });
          break;
        case 'cellWildcard':
          if (isJsonArray(node)) node.forEach((element, i) => next.push({ steps: [...steps, i], node: element }));
          break;
        case 'cell':
        case 'range': {
          const length = isJsonArray(node) ? node.length : 1;
          const from = Math.max(resolveArrayIndex(leg.kind === 'cell' ? leg.at : leg.from, length), 0);
          const to = Math.min(resolveArrayIndex(leg.kind === 'cell' ? leg.at : leg.to, length), length - 1);
          for (let i = from; i <= to; i++) next.push(isJsonArray(node) ? { steps: [...steps, i], node: node[i] ?? null } : place);
          break;
        }
        case 'ellipsis':
          walk(place, (inner) => next.push(inner));
          break;
      }
    }
    current = next;
  }
  return current;
}

/** Visits a location and everything inside it, parents first, members in stored order. */
function walk(place: Located, visit: (place: Located) => void): void {
  visit(place);
  const { node, steps } = place;
  if (isJsonObject(node)) for (const key of [...node.keys()].sort(compareJsonKeys)) walk({ steps: [...steps, key], node: node.get(key) ?? null }, visit);
  else if (isJsonArray(node)) node.forEach((element, i) => walk({ steps: [...steps, i], node: element }, visit));
}

/**
 * JSON_SEARCH(doc, 'one'|'all', pattern[, escape[, path …]]): the locations of the string values matching the LIKE
 * pattern: one location as a JSON string, several (with 'all') as an array; NULL when none matches.
 */
const jsonSearch: BuiltinFunction = {
  minArgs: 3,
  maxArgs: Infinity,
  compile: (args, context, call) => {
    const isCaseInsensitive = args[2]!.type.collation === 'utf8mb4_general_ci';
    const readers = args.map(() => pathReader());
    return jsonFunction(3, Infinity, (values: readonly SqlValue[]) => {
      const document = documentArg(values[0] ?? null, 0, 'json_search');
      if (document === null || values[1] === null || values[2] === null) return null;
      const mode = oneOrAll(values[1] ?? null, 'json_search');
      const escape = values.length > 3 && values[3] !== null && (toText(values[3] ?? null) ?? '') !== '' ? toText(values[3] ?? null)! : '\\';
      const pattern = likePatternToRegExp(toText(values[2] ?? null) ?? '', escape, isCaseInsensitive);
      const root = document.toNode();
      const starts: Located[] = [];
      if (values.length <= 4) starts.push({ steps: [], node: root });
      for (let i = 4; i < values.length; i++) {
        const path = readers[i]!(values[i] ?? null);
        if (path === null) return null;
        starts.push(...locate(root, path.legs));
      }
      const found = new Set<string>();
      for (const start of starts) {
        walk(start, (place) => {
          if (typeof place.node === 'string' && pattern.test(place.node)) found.add(formatLocation(place.steps));
        });
        if (mode === 'one' && found.size > 0) break;
      }
      const locations = [...found];
      if (locations.length === 0) return null;
      return mode === 'one' || locations.length === 1 ? jsonResult(locations[0]!) : jsonResult(locations);
    }).compile(args, context, call);
  },
};

export const jsonSearchFunctions: ReadonlyMap<string, BuiltinFunction> = new Map([
  ['JSON_CONTAINS', jsonContains],
  ['JSON_CONTAINS_PATH', jsonContainsPath],
  ['JSON_OVERLAPS', jsonOverlaps],
  ['MEMBER OF', memberOf],
  ['JSON_KEYS', jsonKeys],
  ['JSON_SEARCH', jsonSearch],
]);
