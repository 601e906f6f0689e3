// The default catalog: everything drivers read on connect exists, and every default passes its own check.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SystemVariableCatalog, defaultCatalog, normalizeValue } from '../../../../src/session/variables/index.js';
import { CollectedWarnings, makeFacts, makeSession } from './variables-fixture.js';

/** The variables of Connector/J 8's and 5.1's connect query, plus what mysql2, the Go driver, mysqldump and ORMs read. */
const driverVariables = [
  'auto_increment_increment',
  'character_set_client',
  'character_set_connection',
  'character_set_results',
  'character_set_server',
  'collation_server',
  'collation_connection',
  'init_connect',
  'interactive_timeout',
  'license',
  'lower_case_table_names',
  'max_allowed_packet',
  'net_buffer_length',
  'net_write_timeout',
  'performance_schema',
  'query_cache_size',
  'query_cache_type',
  'sql_mode',
  'system_time_zone',
  'time_zone',
  'transaction_isolation',
  'tx_isolation',
  'transaction_read_only',
  'tx_read_only',
  'wait_timeout',
  'version_comment',
  'sql_auto_is_null',
  'gtid_mode',
  'sql_quote_show_create',
  'default_storage_engine',
  'read_only',
] as const;

void describe('defaultCatalog', () => {
  void it('knows every variable drivers read on connect', () => {
    const { session } = makeSession();
    for (const name of driverVariables) assert.doesNotThrow(() => session.get(name), name);
    assert.equal(session.get('query_cache_type'), 'OFF');
    assert.equal(session.get('license'), 'Apache License 2.0');
    assert.equal(session.get('performance_schema'), 0n);
  });

  void it('lists entries sorted by lower-case name, without duplicates', () => {
    const names = defaultCatalog.entries.map((entry) => entry.definition.name);
    assert.deepEqual(names, [...names].sort());
    assert.equal(new Set(names).size, names.length);
    for (const name of names) assert.equal(name, name.toLowerCase());
  });

  void it('has defaults that pass their own checks unchanged and without warnings', () => {
    const warnings = new CollectedWarnings();
    for (const { definition } of defaultCatalog.entries) {
      if (definition.isReadOnly === true || definition.dynamicValue !== undefined || definition.defaultValue === null)
        continue;
      const normalized = normalizeValue(definition, definition.defaultValue, {
        name: definition.name,
        scope: 'global',
        isStrictAllTables: true,
        warnings,
        server: makeFacts(),
      });
      assert.equal(normalized, definition.defaultValue, definition.name);
    }
    assert.deepEqual(warnings.texts, []);
  });

  void it('rejects duplicate names and dangling aliases when built', () => {
    const variable = { name: 'x', scope: 'both', type: 'bool', defaultValue: 0n } as const;
    assert.throws(() => new SystemVariableCatalog([variable, variable]), /duplicate system variable x/);
    assert.throws(() => new SystemVariableCatalog([{ ...variable, aliasOf: 'y' }]), /names unknown y/);
    assert.throws(() => new SystemVariableCatalog([{ ...variable, name: 'X' }]), /must be lower case/);
  });
});
