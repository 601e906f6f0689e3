<?php
// The client-matrix script for PHP mysqli (Debian php-mysql, mysqlnd): TLS verifying the server certificate and name,
// server-side prepared statements with bound parameters, exact values, commit/rollback, an error code.
function check(bool $ok, string $message): void {
    if (!$ok) { fwrite(STDERR, "FAILED: $message\n"); exit(1); }
}

mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
[$host, $port, $ca, $db] = [getenv('TIDAL_HOST'), (int) getenv('TIDAL_PORT'), getenv('TIDAL_CA'), getenv('TIDAL_DB')];
$mysqli = mysqli_init();
$mysqli->options(MYSQLI_OPT_SSL_VERIFY_SERVER_CERT, true);
$mysqli->ssl_set(null, null, $ca, null, null);
$mysqli->real_connect($host, 'root', '', '', $port, null, MYSQLI_CLIENT_SSL);
$mysqli->set_charset('utf8mb4');
$tls = $mysqli->query("SHOW SESSION STATUS LIKE 'Ssl_version'")->fetch_row();
check(str_starts_with($tls[1], 'TLS'), 'connection is not TLS');
$mysqli->query("CREATE DATABASE $db");
$mysqli->select_db($db);
$mysqli->query('CREATE TABLE t (id INT PRIMARY KEY, i BIGINT, u BIGINT UNSIGNED, dec_ DECIMAL(20,6), d DOUBLE, '
    . 's VARCHAR(50), b BLOB, dt DATE, dtm DATETIME(6), tm TIME, n INT)');
$blob = "\x00\xFF\x80\x7F'\\";
[$id, $i, $u, $dec, $d, $s, $b, $dt, $dtm, $tm, $n] = [1, '-9223372036854775808', '18446744073709551615',
    '-12345678901234.123456', 2.5, "héllo ✓ 'q'", null, '2024-02-29', '2024-02-29 23:59:58.123456', '12:34:56', null];
$insert = $mysqli->prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
$insert->bind_param('isssdsbsssi', $id, $i, $u, $dec, $d, $s, $b, $dt, $dtm, $tm, $n);
// The BLOB goes in COM_STMT_SEND_LONG_DATA chunks.
$insert->send_long_data(6, substr($blob, 0, 3));
$insert->send_long_data(6, substr($blob, 3));
$insert->execute();
$select = $mysqli->prepare('SELECT * FROM t WHERE id = ?');
$one = 1;
$select->bind_param('i', $one);
$select->execute();
$got = $select->get_result()->fetch_row();
$expected = [1, '-9223372036854775808', '18446744073709551615', '-12345678901234.123456', 2.5, "héllo ✓ 'q'", $blob,
    '2024-02-29', '2024-02-29 23:59:58.123456', '12:34:56', null];
foreach ($expected as $k => $value) {
    check($got[$k] === $value || (is_int($got[$k]) && (string) $got[$k] === (string) $value),
        "column $k: got " . var_export($got[$k], true) . ', expected ' . var_export($value, true));
}

$mysqli->begin_transaction();
$mysqli->query('INSERT INTO t (id) VALUES (2)');
$mysqli->rollback();
check((int) $mysqli->query('SELECT COUNT(*) FROM t')->fetch_row()[0] === 1, 'rolled-back row is visible');
$mysqli->begin_transaction();
$mysqli->query('INSERT INTO t (id) VALUES (3)');
$mysqli->commit();
check((int) $mysqli->query('SELECT COUNT(*) FROM t')->fetch_row()[0] === 2, 'committed row is missing');

try {
    $dup = $mysqli->prepare('INSERT INTO t (id) VALUES (?)');
    $dup->bind_param('i', $one);
    $dup->execute();
    check(false, 'duplicate key accepted');
} catch (mysqli_sql_exception $e) {
    check($e->getCode() === 1062, 'error code ' . $e->getCode());
}
echo "MATRIX OK\n";
