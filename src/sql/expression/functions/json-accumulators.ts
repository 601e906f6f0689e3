// JSON_ARRAYAGG and JSON_OBJECTAGG: a group's values gathered into one JSON array or object.
// https://dev.mysql.com/doc/refman/8.0/en/aggregate-functions.html#function_json-arrayagg
import { mysqlError, ER_JSON_DOCUMENT_NULL_KEY } from '../../../errors/index.js';
import { JsonValue, sqlToJsonNode, toText } from '../../types/index.js';
import type { FieldType, JsonNode } from '../../types/index.js';
import type { Accumulator } from './aggregate-accumulators.js';

/** JSON_ARRAYAGG(v): every value of the group (NULL as the JSON null), in input order; NULL for an empty group. */
export function jsonArrayAccumulator(argType: FieldType): Accumulator {
  const elements: JsonNode[] = [];
  let seen = false;
  return {
    add: ([value]) => {
      seen = true;
      elements.push(sqlToJsonNode(value ?? null, argType));
    },
    result: () => (seen ? JsonValue.fromNode(elements) : null),
  };
}

/** JSON_OBJECTAGG(k, v): one member per row, a repeated key keeping its last value; a NULL key is 3158. */
export function jsonObjectAccumulator(valueType: FieldType): Accumulator {
  const members = new Map<string, JsonNode>();
  let seen = false;
  return {
    add: ([key, value]) => {
      if (key === null || key === undefined) throw mysqlError(ER_JSON_DOCUMENT_NULL_KEY);
      seen = true;
      members.set(toText(key) ?? '', sqlToJsonNode(value ?? null, valueType));
    },
    result: () => (seen ? JsonValue.fromNode(members) : null),
  };
}
