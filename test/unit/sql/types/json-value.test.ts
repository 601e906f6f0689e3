// Unit tests: the binary JSON codec (encode→decode identity), JSON text round trips, MySQL's key order, paths.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { JsonDecimal, JsonUint, JsonValue, compareJsonKeys, compareJsonNodes, jsonNodeKey, parseJsonArgument, parseJsonPath, seekJsonPath } from '../../../../src/sql/types/index.js';
import type { JsonNode } from '../../../../src/sql/types/index.js';
import type { MySqlError } from '../../../../src/errors/index.js';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/**
 * Arbitrary JSON trees (strings include non-ASCII and control characters); with decimals, which JSON text cannot
 * carry (text reads them back as doubles, in MySQL too).
 */
const jsonTree = (withDecimals: boolean): fc.Arbitrary<JsonNode> => fc.letrec<{ node: JsonNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.bigInt({ min: INT64_MIN, max: INT64_MAX }),
    fc.bigInt({ min: INT64_MAX + 1n, max: (1n << 64n) - 1n }).map((value) => new JsonUint(value)),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 12 })).map(([unscaled, scale]): JsonNode => (withDecimals ? decimal(unscaled, scale) : null)),
    fc.string({ unit: 'binary' }),
    fc.array(tie('node'), { maxLength: 5 }),
    fc.array(fc.tuple(fc.string({ unit: 'binary', maxLength: 6 }), tie('node')), { maxLength: 5 }).map((entries) => new Map(entries)),
  ),
})).node;
const jsonNode = jsonTree(true);
const jsonTextNode = jsonTree(false);

/** The DECIMAL `unscaled × 10^-scale`, with its scale kept. */
function decimal(unscaled: bigint, scale: number): JsonDecimal {
  const digits = (unscaled < 0n ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return JsonDecimal.fromText(unscaled < 0n ? `-${text}` : text);
}

/** Parses like a function argument (throws MySqlError 3141 on bad text). */
function parse(text: string): JsonValue {
  return parseJsonArgument(text, 0, 'test');
}

describe('binary JSON', () => {
  it('decodes to what was encoded, and the stored form reads back the same', () => {
    fc.assert(
      fc.property(jsonNode, (node) => {
        const value = JsonValue.fromNode(node);
        assert.equal(compareJsonNodes(value.toNode(), node), 0);
        assert.equal(JsonValue.fromNode(value.toNode()).toString(), value.toString());
        assert.equal(jsonNodeKey(value.toNode()), jsonNodeKey(node));
        const stored = JsonValue.fromStored(value.toStored());
        assert.deepEqual(stored.toStored(), value.toStored());
        assert.equal(stored.toString(), value.toString());
      }),
      { numRuns: 300 },
    );
  });

  it('prints text that parses back to the same document', () => {
    fc.assert(
      fc.property(jsonTextNode, (node) => {
        const text = JsonValue.fromNode(node).toString();
        assert.equal(parse(text).toString(), text);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a member in place: extraction gives the value that decoding the whole document gives', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 4 }), jsonNode), { minLength: 1, maxLength: 6 }), (entries) => {
        const object = new Map(entries);
        const document = JsonValue.fromNode(object);
        for (const [key, expected] of object) {
          const found = seekJsonPath(document, parseJsonPath(`$.${JSON.stringify(key)}`));
          assert.equal(found.length, 1);
          assert.equal(compareJsonNodes(found[0]!.toNode(), expected), 0);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('JSON text', () => {
  it('normalises as MySQL: keys by length then bytes, the last duplicate wins, canonical separators', () => {
    assert.equal(parse('{"bb": 1, "a": 2, "c": 3, "a": 4}').toString(), '{"a": 4, "c": 3, "bb": 1}');
    assert.equal(parse(' [1,2.0, -0, 1e2, 18446744073709551615, "\\u00e9\\n"] ').toString(), '[1, 2.0, 0, 100.0, 18446744073709551615, "é\\n"]');
    assert.equal(parse('"\\ud83d\\ude00"').toString(), '"😀"');
  });

  it('orders object keys by UTF-8 length first', () => {
    const keys = ['é', 'b', 'aa', 'a'].sort(compareJsonKeys);
    assert.deepEqual(keys, ['a', 'b', 'aa', 'é']);
  });

  it("reports RapidJSON's messages and byte positions, as MySQL does", () => {
    const cases: [string, string][] = [
      ['', 'Invalid JSON text in argument 1 to function test: "The document is empty." at position 0.'],
      ['{"a":1', 'Invalid JSON text in argument 1 to function test: "Missing a comma or \'}\' after an object member." at position 6.'],
      ['[1,]', 'Invalid JSON text in argument 1 to function test: "Invalid value." at position 3.'],
      ['{a:1}', 'Invalid JSON text in argument 1 to function test: "Missing a name for object member." at position 1.'],
      ['"é" x', 'Invalid JSON text in argument 1 to function test: "The document root must not be followed by other values." at position 5.'],
      ['1.', 'Invalid JSON text in argument 1 to function test: "Miss fraction part in number." at position 2.'],
      ['"\\x"', 'Invalid JSON text in argument 1 to function test: "Invalid escape character in string." at position 1.'],
    ];
    for (const [text, message] of cases) {
      assert.throws(() => parse(text), (error: MySqlError) => error.code === 3141 && error.message === message, text);
    }
    assert.throws(() => parse('['.repeat(101) + ']'.repeat(101)), (error: MySqlError) => error.code === 3157);
  });
});

describe('JSON paths', () => {
  const document = parse('{"a": [1, {"b": 2}, 3], "c d": {"b": 4}}');
  const extract = (path: string): string[] => seekJsonPath(document, parseJsonPath(path)).map((value) => value.toString());

  it('selects members, cells, ranges, wildcards and descendants', () => {
    assert.deepEqual(extract('$.a[1].b'), ['2']);
    assert.deepEqual(extract('$."c d".b'), ['4']);
    assert.deepEqual(extract('$.a[last]'), ['3']);
    assert.deepEqual(extract('$.a[last - 1]'), ['{"b": 2}']);
    assert.deepEqual(extract('$.a[0 to 1]'), ['1', '{"b": 2}']);
    assert.deepEqual(extract('$.a[*]'), ['1', '{"b": 2}', '3']);
    assert.deepEqual(extract('$.*.b'), ['4']);
    assert.deepEqual(extract('$**.b'), ['2', '4']);
    assert.deepEqual(extract('$.a[0][0]'), ['1']);
    assert.deepEqual(extract('$.a[0][1]'), []);
    assert.deepEqual(extract('$.missing'), []);
  });

  it('rejects malformed paths with 3143 and the position', () => {
    for (const [path, position] of [['$.', 2], ['a', 1], ['$[', 2], ['$**', 3], ['$.a[1 to 0]', 10]] as const) {
      assert.throws(() => parseJsonPath(path), (error: MySqlError) => error.code === 3143 && error.message.includes(`position ${position}.`), path);
    }
  });
});
