// JsonValue: the SqlValue of the JSON type, a binary JSON document (or a part of one) read in place.
import { Decimal } from 'decimal.js';
import { JsonLiteral, JsonType, decodeJsonNode, encodeJsonNode, payloadSize } from './json-binary.js';
import { JsonOpaque, jsonNodeTypeName } from './json-node.js';
import type { JsonNode } from './json-node.js';
import { jsonText } from './json-text-writer.js';

/**
 * A JSON value: its type code and the buffer its payload starts in at `at`. The buffer may hold more than this value
 * (a member of a larger document shares its buffer), so reading a path allocates nothing but the result. Immutable.
 */
export class JsonValue {
  constructor(
    readonly type: JsonType,
    readonly buffer: Buffer,
    readonly at: number,
  ) {}

  /** Encodes a node. */
  static fromNode(node: JsonNode): JsonValue {
    const encoded = encodeJsonNode(node);
    return new JsonValue(encoded.type, encoded.payload, 0);
  }

  /** Reads the stored form written by `toStored()` (type byte, then payload), without copying. */
  static fromStored(bytes: Buffer): JsonValue {
    const type = bytes[0];
    if (type === undefined || !STORED_TYPES.has(type)) throw new Error('corrupt JSON value: unknown type');
    return new JsonValue(type as JsonType, bytes, 1);
  }

  /** The bytes a JSON column stores: the type code, then exactly this value's payload. */
  toStored(): Buffer {
    const size = payloadSize(this.type, this.buffer, this.at);
    const out = Buffer.allocUnsafe(1 + size);
    out[0] = this.type;
    this.buffer.copy(out, 1, this.at, this.at + size);
    return out;
  }

  /** Decodes the whole value into a node (for functions that build a new document from it). */
  toNode(): JsonNode {
    return decodeJsonNode(this.type, this.buffer, this.at);
  }

  /** MySQL's text of the value: `{"a": 1, "b": [2, 3]}`. */
  toString(): string {
    return jsonText(this.type, this.buffer, this.at);
  }

  /** JSON_PRETTY's text. */
  toPrettyString(): string {
    return jsonText(this.type, this.buffer, this.at, true);
  }

  /** JSON_TYPE's name: OBJECT, ARRAY, STRING, INTEGER, UNSIGNED INTEGER, DOUBLE, DECIMAL, BOOLEAN, NULL, DATE … */
  get typeName(): string {
    switch (this.type) {
      case JsonType.object:
        return 'OBJECT';
      case JsonType.array:
        return 'ARRAY';
      case JsonType.literal:
        return this.buffer[this.at] === JsonLiteral.null ? 'NULL' : 'BOOLEAN';
      case JsonType.int64:
        return 'INTEGER';
      case JsonType.uint64:
        return 'UNSIGNED INTEGER';
      case JsonType.float64:
        return 'DOUBLE';
      case JsonType.string:
        return 'STRING';
      case JsonType.opaque: {
        const node = this.toNode();
        return node instanceof Decimal || node instanceof JsonOpaque ? jsonNodeTypeName(node) : 'OPAQUE';
      }
      case JsonType.date:
        return 'DATE';
      case JsonType.datetime:
      case JsonType.timestamp:
        return 'DATETIME';
      case JsonType.time:
        return 'TIME';
    }
  }

  /** True for the JSON null literal. */
  get isNull(): boolean {
    return this.type === JsonType.literal && this.buffer[this.at] === JsonLiteral.null;
  }

  /** The number of bytes the stored form takes (JSON_STORAGE_SIZE). */
  get storageSize(): number {
    return 1 + payloadSize(this.type, this.buffer, this.at);
  }
}

const STORED_TYPES: ReadonlySet<number> = new Set(Object.values(JsonType));
