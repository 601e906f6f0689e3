<?php
// The client-matrix script for PHP PDO (Debian php-mysql, mysqlnd): TLS verifying the server certificate and name,
// native server-side prepared statements (ATTR_EMULATE_PREPARES off), exact values, commit/rollback, an error code.
function check(bool $ok, string $message): void {
    if (!$ok) { fwrite(STDERR, "FAILED: $message\n"); exit(1); }
}

[$host, $port, $ca, $db] = [getenv('TIDAL_HOST'), getenv('TIDAL_PORT'), getenv('TIDAL_CA'), getenv('TIDAL_DB')];
$pdo = new PDO("mysql:host=$host;port=$port;charset=utf8mb4", 'root', '', [
    PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
    PDO::ATTR_EMULATE_PREPARES => false,
    PDO::MYSQL_ATTR_SSL_CA => $ca,
    PDO::MYSQL_ATTR_SSL_VERIFY_SERVER_CERT => true,
]);
$tls = $pdo->query("SHOW SESSION STATUS LIKE 'Ssl_version'")->fetch(PDO::FETCH_NUM);
check(str_starts_with($tls[1], 'TLS'), 'connection is not TLS');
$pdo->exec("CREATE DATABASE $db");
$pdo->exec("USE $db");
$pdo->exec('CREATE TABLE t (id INT PRIMARY KEY, i BIGINT, u BIGINT UNSIGNED, dec_ DECIMAL(20,6), d DOUBLE, '
    . 's VARCHAR(50), b BLOB, dt DATE, dtm DATETIME(6), tm TIME, n INT)');
$blob = "\x00\xFF\x80\x7F'\\";
$row = [1, '-9223372036854775808', '18446744073709551615', '-12345678901234.123456', 2.5, "héllo ✓ 'q'", $blob,
    '2024-02-29', '2024-02-29 23:59:58.123456', '12:34:56', null];
$insert = $pdo->prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
foreach ($row as $i => $value) {
    $type = $value === null ? PDO::PARAM_NULL : ($i === 6 ? PDO::PARAM_LOB : (is_int($value) ? PDO::PARAM_INT : PDO::PARAM_STR));
    $insert->bindValue($i + 1, $value, $type);
}
$insert->execute();
$select = $pdo->prepare('SELECT * FROM t WHERE id = ?');
$select->execute([1]);
$got = $select->fetch(PDO::FETCH_NUM);
// mysqlnd returns native PHP types for binary-protocol rows: ints and floats as numbers, the rest as strings.
$expected = [1, '-9223372036854775808', '18446744073709551615', '-12345678901234.123456', 2.5, "héllo ✓ 'q'", $blob,
    '2024-02-29', '2024-02-29 23:59:58.123456', '12:34:56', null];
foreach ($expected as $i => $value) {
    check($got[$i] === $value || (is_int($got[$i]) && (string) $got[$i] === (string) $value),
        "column $i: got " . var_export($got[$i], true) . ', expected ' . var_export($value, true));
}

$pdo->beginTransaction();
$pdo->prepare('INSERT INTO t (id) VALUES (?)')->execute([2]);
$pdo->rollBack();
check((int) $pdo->query('SELECT COUNT(*) FROM t')->fetchColumn() === 1, 'rolled-back row is visible');
$pdo->beginTransaction();
$pdo->prepare('INSERT INTO t (id) VALUES (?)')->execute([3]);
$pdo->commit();
check((int) $pdo->query('SELECT COUNT(*) FROM t')->fetchColumn() === 2, 'committed row is missing');

try {
    $pdo->prepare('INSERT INTO t (id) VALUES (?)')->execute([1]);
    check(false, 'duplicate key accepted');
} catch (PDOException $e) {
    check($e->errorInfo[1] === 1062, 'error code ' . var_export($e->errorInfo[1], true));
}
echo "MATRIX OK\n";
