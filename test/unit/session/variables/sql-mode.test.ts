// sql_mode: canonical ordering, combination modes, numeric values and MySQL 8's refusals.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_VALUE,
  SqlMode,
  expandSqlMode,
  formatSqlMode,
  sqlModeFlags,
} from '../../../../src/session/variables/index.js';
import { makeSession, mysqlErr } from './variables-fixture.js';

/** Sets the session sql_mode and returns what @@sql_mode then reads. */
function modeAfter(value: string | bigint | boolean): unknown {
  const { session } = makeSession();
  session.set('sql_mode', value);
  return session.get('sql_mode');
}

void describe('sql_mode', () => {
  void it('reorders names into MySQL bit order and upper-cases them', () => {
    assert.equal(
      modeAfter('no_engine_substitution,strict_trans_tables,ANSI_QUOTES'),
      'ANSI_QUOTES,STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION',
    );
  });

  void it('expands ANSI and TRADITIONAL as MySQL 8.0 does, keeping the combination name', () => {
    assert.equal(modeAfter('ANSI'), 'REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,ONLY_FULL_GROUP_BY,ANSI');
    assert.equal(
      modeAfter('TRADITIONAL'),
      'STRICT_TRANS_TABLES,STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,TRADITIONAL,NO_ENGINE_SUBSTITUTION',
    );
    assert.equal(
      modeAfter('TRADITIONAL,ALLOW_INVALID_DATES,ANSI_QUOTES'),
      'ANSI_QUOTES,STRICT_TRANS_TABLES,STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ALLOW_INVALID_DATES,ERROR_FOR_DIVISION_BY_ZERO,TRADITIONAL,NO_ENGINE_SUBSTITUTION',
    );
  });

  void it("ignores empty elements and trailing spaces, as MySQL's find_set", () => {
    assert.equal(modeAfter(''), '');
    assert.equal(modeAfter(' '), '');
    assert.equal(modeAfter(','), '');
    assert.equal(modeAfter(',,,,ANSI_QUOTES,,,'), 'ANSI_QUOTES');
    assert.equal(modeAfter('ANSI_QUOTES  '), 'ANSI_QUOTES');
  });

  void it('takes a bitmask, and TRUE/FALSE as 1/0', () => {
    assert.equal(modeAfter(0n), '');
    assert.equal(modeAfter(3n), 'REAL_AS_FLOAT,PIPES_AS_CONCAT');
    assert.equal(modeAfter(true), 'REAL_AS_FLOAT');
    assert.equal(
      modeAfter(SqlMode.ANSI),
      'REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,ONLY_FULL_GROUP_BY,ANSI',
    );
  });

  void it('quotes the first unknown element in error 1231', () => {
    const { session } = makeSession();
    const wrong = (value: string) => mysqlErr(1231, `Variable 'sql_mode' can't be set to the value of '${value}'`);
    assert.throws(() => session.set('sql_mode', 'ERROR_FOR_DIVISION_BY_ZERO,FOOBAR,IGNORE_SPACE'), wrong('FOOBAR'));
    assert.throws(() => session.set('sql_mode', 'ansi_quotes, strict_all_tables'), wrong(' strict_all_tables'));
    assert.throws(() => session.set('sql_mode', 'OFF'), wrong('OFF'));
    assert.throws(() => session.set('sql_mode', 'NO_AUTO_CREATE_USER'), wrong('NO_AUTO_CREATE_USER'));
    assert.throws(() => session.set('sql_mode', -1n), wrong('-1'));
    assert.throws(() => session.set('sql_mode', 8589934592n), wrong('8589934592'));
    assert.throws(() => session.set('sql_mode', null), wrong('NULL'));
    assert.throws(() => session.set('sql_mode', 0.4), mysqlErr(1232, "Incorrect argument type to variable 'sql_mode'"));
    assert.equal(
      session.get('sql_mode'),
      'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION',
    );
  });

  void it('refuses the modes MySQL 8.0 removed with 3899, naming their bits', () => {
    const { session } = makeSession();
    assert.throws(() => session.set('sql_mode', 'NOT_USED_9'), mysqlErr(3899, 'sql_mode=0x00000100 is not supported.'));
    assert.throws(() => session.set('sql_mode', 268435456n), mysqlErr(3899, 'sql_mode=0x10000000 is not supported.'));
    assert.throws(
      () => session.set('sql_mode', 16384n + 2097152n),
      mysqlErr(3899, 'sql_mode=0x00004000 is not supported.'),
    );
  });

  void it('DEFAULT restores the global value in the session, the MySQL 8 default globally', () => {
    const { session } = makeSession();
    session.set('sql_mode', 'ANSI', 'global');
    session.set('sql_mode', '');
    session.set('sql_mode', DEFAULT_VALUE);
    assert.equal(session.sqlMode.isAnsiQuotes, true);
    session.set('sql_mode', DEFAULT_VALUE, 'global');
    assert.equal(
      session.get('sql_mode', 'global'),
      'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION',
    );
  });

  void it('decodes flags once per change', () => {
    const flags = sqlModeFlags(expandSqlMode(SqlMode.TRADITIONAL));
    assert.equal(flags.isStrictAllTables, true);
    assert.equal(flags.isStrict, true);
    assert.equal(flags.isAnsiQuotes, false);
    assert.equal(
      formatSqlMode(SqlMode.PAD_CHAR_TO_FULL_LENGTH | SqlMode.REAL_AS_FLOAT),
      'REAL_AS_FLOAT,PAD_CHAR_TO_FULL_LENGTH',
    );
  });
});
