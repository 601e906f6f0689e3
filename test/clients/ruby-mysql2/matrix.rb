# The client-matrix script for Ruby mysql2 (Debian ruby-mysql2): TLS verifying the server certificate and host name
# (sslverify, libmariadb's MYSQL_OPT_SSL_VERIFY_SERVER_CERT), server-side prepared statements, exact values, commit/rollback, an error code.
require 'mysql2'
require 'bigdecimal'
require 'date'

def check(ok, message)
  return if ok
  warn "FAILED: #{message}"
  exit 1
end

client = Mysql2::Client.new(host: ENV['TIDAL_HOST'], port: ENV['TIDAL_PORT'].to_i, username: 'root', password: '',
                            sslca: ENV['TIDAL_CA'], sslverify: true, encoding: 'utf8mb4')
check(client.query("SHOW SESSION STATUS LIKE 'Ssl_version'").first['Value'].start_with?('TLS'), 'connection is not TLS')
db = ENV['TIDAL_DB']
client.query("CREATE DATABASE #{db}")
client.query("USE #{db}")
client.query('CREATE TABLE t (id INT PRIMARY KEY, i BIGINT, u BIGINT UNSIGNED, dec_ DECIMAL(20,6), d DOUBLE, ' \
             's VARCHAR(50), b BLOB, dt DATE, dtm DATETIME(6), tm TIME, n INT)')
blob = [0x00, 0xFF, 0x80, 0x7F, 0x27, 0x5C].pack('C*')
insert = client.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
insert.execute(1, -9223372036854775808, 18446744073709551615, BigDecimal('-12345678901234.123456'), 2.5,
               "héllo ✓ 'q'", blob, '2024-02-29', '2024-02-29 23:59:58.123456', '12:34:56', nil)
row = client.prepare('SELECT * FROM t WHERE id = ?').execute(1, as: :array).first
expected = [1, -9223372036854775808, 18446744073709551615, BigDecimal('-12345678901234.123456'), 2.5, "héllo ✓ 'q'",
            blob, Date.new(2024, 2, 29), nil, nil, nil]
check(row[0..7] == expected[0..7], "read back #{row.inspect}")
check(row[8].strftime('%Y-%m-%d %H:%M:%S.%6N') == '2024-02-29 23:59:58.123456', "datetime #{row[8].inspect}")
check(row[9].strftime('%H:%M:%S') == '12:34:56', "time #{row[9].inspect}")
check(row[10].nil?, 'null')

count = -> { client.query('SELECT COUNT(*) AS n FROM t').first['n'] }
client.query('BEGIN')
client.prepare('INSERT INTO t (id) VALUES (?)').execute(2)
client.query('ROLLBACK')
check(count.call == 1, 'rolled-back row is visible')
client.query('BEGIN')
client.prepare('INSERT INTO t (id) VALUES (?)').execute(3)
client.query('COMMIT')
check(count.call == 2, 'committed row is missing')
begin
  client.prepare('INSERT INTO t (id) VALUES (?)').execute(1)
  check(false, 'duplicate key accepted')
rescue Mysql2::Error => e
  check(e.error_number == 1062, "error code #{e.error_number}")
end
puts 'MATRIX OK'
