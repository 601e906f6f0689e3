// Unit tests: date functions against the MySQL 8.0 manual's examples (Date and Time Functions page).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TypeKind } from '../../../../src/sql/types/index.js';
import { TestSession, assertCases, compileSql, evaluateSql } from './evaluate-sql.js';

// The manual's UNIX_TIMESTAMP/FROM_UNIXTIME examples were run at UTC-6; the session time zone is the process's.
process.env.TZ = 'America/Chicago';

describe('date functions', () => {
  it('DATE and the part extractors', () => {
    assertCases([
      ["DATE('2003-12-31 01:02:03')", '2003-12-31'],
      ["YEAR('1987-01-01')", '1987'],
      ["MONTH('2008-02-03')", '2'],
      ["DAY('2007-02-03')", '3'],
      ["DAYOFMONTH('2007-02-03')", '3'],
      ["HOUR('2008-02-03 10:05:03')", '10'],
      ["MINUTE('2008-02-03 10:05:03')", '5'],
      ["SECOND('2008-02-03 10:05:03')", '3'],
      ["MICROSECOND('2019-12-31 23:59:59.000010')", '10'],
      ["QUARTER('2008-04-01')", '2'],
      ["DAYOFWEEK('2007-02-03')", '7'],
      ["WEEKDAY('2008-02-03 22:23:00')", '6'],
      ["WEEKDAY('2007-11-06')", '1'],
      ["DAYOFYEAR('2007-02-03')", '34'],
      ["DAYNAME('2007-02-03')", 'Saturday'],
      ["MONTHNAME('2008-02-03')", 'February'],
      ['YEAR(20081231)', '2008'],
      ["YEAR(DATE '2001-05-06')", '2001'],
      ['YEAR(NULL)', 'NULL'],
    ]);
    assert.equal(compileSql("DATE('2003-12-31 01:02:03')").type.kind, TypeKind.Date);
  });

  it('returns NULL with warning 1292 for a string that is not a date', () => {
    const session = new TestSession();
    assert.equal(evaluateSql("YEAR('not a date')", session), 'NULL');
    assert.deepEqual(session.warningList.map((w) => [w.code, w.message]), [[1292, "Incorrect datetime value: 'not a date'"]]);
  });

  it('WEEK in its modes', () => {
    assertCases([
      ["WEEK('2008-02-20')", '7'],
      ["WEEK('2008-02-20', 0)", '7'],
      ["WEEK('2008-02-20', 1)", '8'],
      ["WEEK('2008-12-31', 1)", '53'],
      ["WEEK('2000-01-01', 0)", '0'],
      ["WEEK('2000-01-01', 2)", '52'],
    ]);
  });

  it('LAST_DAY and DATEDIFF', () => {
    assertCases([
      ["LAST_DAY('2003-02-05')", '2003-02-28'],
      ["LAST_DAY('2004-02-05')", '2004-02-29'],
      ["LAST_DAY('2004-01-01 01:01:01')", '2004-01-31'],
      ["LAST_DAY('2003-03-32')", 'NULL'],
      ["DATEDIFF('2007-12-31 23:59:59', '2007-12-30')", '1'],
      ["DATEDIFF('2010-11-30 23:59:59', '2010-12-31')", '-31'],
      ["DATEDIFF(NULL, '2010-12-31')", 'NULL'],
    ]);
  });

  it('DATE_FORMAT', () => {
    assertCases([
      ["DATE_FORMAT('2009-10-04 22:23:00', '%W %M %Y')", 'Sunday October 2009'],
      ["DATE_FORMAT('2007-10-04 22:23:00', '%H:%i:%s')", '22:23:00'],
      ["DATE_FORMAT('1900-10-04 22:23:00', '%D %y %a %d %m %b %j')", '4th 00 Thu 04 10 Oct 277'],
      ["DATE_FORMAT('1997-10-04 22:23:00', '%H %k %I %r %T %S %w')", '22 22 10 10:23:00 PM 22:23:00 00 6'],
      ["DATE_FORMAT('1999-01-01', '%X %V')", '1998 52'],
      ["DATE_FORMAT('2014-01-01', '%X-%V %U')", '2013-52 00'],
      ["DATE_FORMAT('2024-03-05 07:08:09.123456', '%c/%e %l:%i %p %f %% %q')", '3/5 7:08 AM 123456 % q'],
      ["DATE_FORMAT('2024-03-05', '%x-%v %u')", '2024-10 10'],
      ["DATE_FORMAT(NULL, '%Y')", 'NULL'],
    ]);
  });

  it('STR_TO_DATE', () => {
    assertCases([
      ["STR_TO_DATE('01,5,2013', '%d,%m,%Y')", '2013-05-01'],
      ["STR_TO_DATE('May 1, 2013', '%M %d,%Y')", '2013-05-01'],
      ["STR_TO_DATE('a09:30:17', '%h:%i:%s')", 'NULL'],
      ["STR_TO_DATE('2013-05-01 10:20:30 PM', '%Y-%m-%d %r')", '2013-05-01 22:20:30'],
      ["STR_TO_DATE('2013-05-01 10:20:30.5', '%Y-%m-%d %T.%f')", '2013-05-01 10:20:30.500000'],
      ["STR_TO_DATE('Fri 3 Jan 25', '%a %e %b %y')", '2025-01-03'],
      ["STR_TO_DATE('2013-02-30', '%Y-%m-%d')", 'NULL'],
      ["STR_TO_DATE('9', '%m')", 'NULL'],
      ["STR_TO_DATE(NULL, '%Y')", 'NULL'],
    ]);
    const session = new TestSession();
    evaluateSql("STR_TO_DATE('x', '%Y')", session);
    assert.deepEqual(session.warningList.map((w) => [w.code, w.message]), [[1411, "Incorrect date value: 'x' for function str_to_date"]]);
  });

  it('UNIX_TIMESTAMP and FROM_UNIXTIME in the session time zone', () => {
    assertCases([
      ["UNIX_TIMESTAMP('2015-11-13 10:20:19')", '1447431619'],
      ["UNIX_TIMESTAMP('2015-11-13 10:20:19.012')", '1447431619.012'],
      ["UNIX_TIMESTAMP('1960-01-01')", '0'],
      ['FROM_UNIXTIME(1447430881)', '2015-11-13 10:08:01'],
      ["FROM_UNIXTIME(1447430881, '%Y %D %M %h:%i:%s %x')", '2015 13th November 10:08:01 2015'],
      ['FROM_UNIXTIME(1447430881.5)', '2015-11-13 10:08:01.5'],
      ['FROM_UNIXTIME(-1)', 'NULL'],
      ['UNIX_TIMESTAMP(FROM_UNIXTIME(1447430881))', '1447430881'],
    ]);
    const now = BigInt(Math.floor(Date.now() / 1000));
    const reported = BigInt(evaluateSql('UNIX_TIMESTAMP()'));
    assert.ok(reported >= now && reported <= now + 1n);
  });

  it('UTC_TIMESTAMP and UTC_DATE read the UTC clock', () => {
    const expected = new Date().toISOString().slice(0, 10);
    assert.equal(evaluateSql('UTC_DATE()'), expected);
    assert.equal(evaluateSql('UTC_TIMESTAMP()').slice(0, 10), expected);
    assert.match(evaluateSql('UTC_TIMESTAMP(3)'), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
  });
});
