// Unit tests: DATE_ADD/DATE_SUB/ADDDATE/SUBDATE, TIMESTAMPADD/TIMESTAMPDIFF and EXTRACT against the MySQL 8.0 manual.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TypeKind } from '../../../../src/sql/types/index.js';
import { TestSession, assertCases, compileSql, evaluateSql } from './evaluate-sql.js';

describe('date arithmetic', () => {
  it('DATE_ADD and DATE_SUB with simple and composite units', () => {
    assertCases([
      ["DATE_ADD('2018-05-01', INTERVAL 1 DAY)", '2018-05-02'],
      ["DATE_SUB('2018-05-01', INTERVAL 1 YEAR)", '2017-05-01'],
      ["DATE_ADD('2020-12-31 23:59:59', INTERVAL 1 SECOND)", '2021-01-01 00:00:00'],
      ["DATE_ADD('2018-12-31 23:59:59', INTERVAL 1 DAY)", '2019-01-01 23:59:59'],
      ["DATE_ADD('2100-12-31 23:59:59', INTERVAL '1:1' MINUTE_SECOND)", '2101-01-01 00:01:00'],
      ["DATE_SUB('2025-01-01 00:00:00', INTERVAL '1 1:1:1' DAY_SECOND)", '2024-12-30 22:58:59'],
      ["DATE_ADD('1900-01-01 00:00:00', INTERVAL '-1 10' DAY_HOUR)", '1899-12-30 14:00:00'],
      ["DATE_SUB('1998-01-02', INTERVAL 31 DAY)", '1997-12-02'],
      ["DATE_ADD('1992-12-31 23:59:59.000002', INTERVAL '1.999999' SECOND_MICROSECOND)", '1993-01-01 00:00:01.000001'],
      ["DATE_ADD('2009-01-31', INTERVAL 1 MONTH)", '2009-02-28'],
      ["DATE_ADD('2024-01-01', INTERVAL 1 HOUR)", '2024-01-01 01:00:00'],
      ["DATE_ADD(DATE '2024-01-01', INTERVAL 2 WEEK)", '2024-01-15'],
      ["DATE_ADD('2024-01-01', INTERVAL 1 QUARTER)", '2024-04-01'],
      ["DATE_ADD('2024-01-01', INTERVAL '1-2' YEAR_MONTH)", '2025-03-01'],
      ["DATE_ADD(NULL, INTERVAL 1 DAY)", 'NULL'],
      ["DATE_ADD('2024-01-01', INTERVAL NULL DAY)", 'NULL'],
      ["ADDDATE('2008-01-02', INTERVAL 31 DAY)", '2008-02-02'],
      ["ADDDATE('2008-01-02', 31)", '2008-02-02'],
      ["SUBDATE('2008-01-02', 31)", '2007-12-02'],
    ]);
    assert.equal(compileSql("DATE_ADD(DATE '2024-01-01', INTERVAL 1 DAY)").type.kind, TypeKind.Date);
    assert.equal(compileSql("DATE_ADD(DATE '2024-01-01', INTERVAL 1 HOUR)").type.kind, TypeKind.DateTime);
  });

  it('warns 1441 when the result leaves the supported years', () => {
    const session = new TestSession();
    assert.equal(evaluateSql("DATE_ADD('9999-12-31', INTERVAL 1 DAY)", session), 'NULL');
    assert.deepEqual(session.warningList.map((w) => [w.code, w.message]), [[1441, 'Datetime function: datetime field overflow']]);
  });

  it('TIMESTAMPADD and TIMESTAMPDIFF', () => {
    assertCases([
      ["TIMESTAMPADD(MINUTE, 1, '2003-01-02')", '2003-01-02 00:01:00'],
      ["TIMESTAMPADD(WEEK, 1, '2003-01-02')", '2003-01-09'],
      ["TIMESTAMPDIFF(MONTH, '2003-02-01', '2003-05-01')", '3'],
      ["TIMESTAMPDIFF(YEAR, '2002-05-01', '2001-01-01')", '-1'],
      ["TIMESTAMPDIFF(MINUTE, '2003-02-01', '2003-05-01 12:05:55')", '128885'],
      ["TIMESTAMPDIFF(MONTH, '2024-01-31', '2024-02-29')", '0'],
      ["TIMESTAMPDIFF(DAY, '2024-01-02', '2024-01-01 12:00:00')", '0'],
      ["TIMESTAMPDIFF(SECOND, NULL, '2024-01-01')", 'NULL'],
    ]);
  });

  it('EXTRACT', () => {
    assertCases([
      ["EXTRACT(YEAR FROM '2019-07-02')", '2019'],
      ["EXTRACT(YEAR_MONTH FROM '2019-07-02 01:02:03')", '201907'],
      ["EXTRACT(DAY_MINUTE FROM '2019-07-02 01:02:03')", '20102'],
      ["EXTRACT(MICROSECOND FROM '2003-01-02 10:30:00.000123')", '123'],
      ["EXTRACT(QUARTER FROM '2019-07-02')", '3'],
      ["EXTRACT(WEEK FROM '2008-02-20')", '7'],
      ['EXTRACT(DAY FROM NULL)', 'NULL'],
    ]);
  });

  it('rejects INTERVAL arguments to functions that take none', () => {
    assert.throws(() => evaluateSql('ABS(INTERVAL 1 DAY)'), (error: { code?: number }) => error.code === 1235);
  });
});
