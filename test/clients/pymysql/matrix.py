# The client-matrix script for PyMySQL (Debian python3-pymysql): TLS with VERIFY_IDENTITY, parameters, exact values,
# commit/rollback, an error code.
import datetime
import decimal
import os
import sys

import pymysql

BLOB = bytes([0x00, 0xFF, 0x80, 0x7F, 0x27, 0x5C])
ROW = (1, -9223372036854775808, 18446744073709551615, decimal.Decimal('-12345678901234.123456'), 2.5,
       "héllo ✓ 'q'", BLOB, datetime.date(2024, 2, 29), datetime.datetime(2024, 2, 29, 23, 59, 58, 123456),
       datetime.timedelta(hours=12, minutes=34, seconds=56), None)


def check(condition, message):
    if not condition:
        print('FAILED: ' + message, file=sys.stderr)
        sys.exit(1)


conn = pymysql.connect(host=os.environ['TIDAL_HOST'], port=int(os.environ['TIDAL_PORT']), user='root', password='',
                       ssl_ca=os.environ['TIDAL_CA'], ssl_verify_cert=True, ssl_verify_identity=True,
                       autocommit=True, charset='utf8mb4')
db = os.environ['TIDAL_DB']
with conn.cursor() as cur:
    cur.execute("SHOW SESSION STATUS LIKE 'Ssl_version'")
    check(cur.fetchone()[1].startswith('TLS'), 'connection is not TLS')
    cur.execute('CREATE DATABASE ' + db)
    cur.execute('USE ' + db)
    cur.execute('CREATE TABLE t (id INT PRIMARY KEY, i BIGINT, u BIGINT UNSIGNED, dec_ DECIMAL(20,6), d DOUBLE, '
                's VARCHAR(50), b BLOB, dt DATE, dtm DATETIME(6), tm TIME, n INT)')
    cur.execute('INSERT INTO t VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)', ROW)
    cur.execute('SELECT * FROM t WHERE id = %s', (1,))
    got = cur.fetchone()
    check(tuple(got) == ROW, 'read back %r, expected %r' % (got, ROW))

    conn.begin()
    cur.execute('INSERT INTO t (id) VALUES (%s)', (2,))
    conn.rollback()
    cur.execute('SELECT COUNT(*) FROM t')
    check(cur.fetchone()[0] == 1, 'rolled-back row is visible')
    conn.begin()
    cur.execute('INSERT INTO t (id) VALUES (%s)', (3,))
    conn.commit()
    cur.execute('SELECT COUNT(*) FROM t')
    check(cur.fetchone()[0] == 2, 'committed row is missing')

    try:
        cur.execute('INSERT INTO t (id) VALUES (%s)', (1,))
        check(False, 'duplicate key accepted')
    except pymysql.err.IntegrityError as error:
        check(error.args[0] == 1062, 'error code %r' % (error.args[0],))
conn.close()
print('MATRIX OK')
