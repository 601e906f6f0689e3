#!/usr/bin/perl
# The client-matrix script for Perl DBI + DBD::mysql (Debian libdbd-mysql-perl): TLS verifying the server certificate
# and name, server-side prepared statements (mysql_server_prepare), exact values, commit/rollback, an error code.
use strict;
use warnings;
use utf8;
use DBI;

binmode STDERR, ':encoding(UTF-8)';

my ($host, $port, $ca, $db) = @ENV{qw(TIDAL_HOST TIDAL_PORT TIDAL_CA TIDAL_DB)};
my $dsn = "DBI:mysql:host=$host;port=$port;mysql_ssl=1;mysql_ssl_optional=1;mysql_ssl_ca_file=$ca;mysql_ssl_verify_server_cert=1;"
  . "mysql_server_prepare=1;mysql_enable_utf8mb4=1";
my $dbh = DBI->connect($dsn, 'root', '', { RaiseError => 1, PrintError => 0, AutoCommit => 1 }) or die $DBI::errstr;

sub check { my ($ok, $message) = @_; unless ($ok) { print STDERR "FAILED: $message\n"; exit 1; } }

my ($name, $version) = $dbh->selectrow_array("SHOW SESSION STATUS LIKE 'Ssl_version'");
check($version =~ /^TLS/, 'connection is not TLS');
$dbh->do("CREATE DATABASE $db");
$dbh->do("USE $db");
$dbh->do('CREATE TABLE t (id INT PRIMARY KEY, i BIGINT, u BIGINT UNSIGNED, dec_ DECIMAL(20,6), d DOUBLE, '
  . 's VARCHAR(50), b BLOB, dt DATE, dtm DATETIME(6), tm TIME, n INT)');
my $blob = pack('C*', 0x00, 0xFF, 0x80, 0x7F, 0x27, 0x5C);
my @row = (1, '-9223372036854775808', '18446744073709551615', '-12345678901234.123456', 2.5, "héllo ✓ 'q'", $blob,
  '2024-02-29', '2024-02-29 23:59:58.123456', '12:34:56', undef);
my $insert = $dbh->prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
for my $i (0 .. $#row) {
  $insert->bind_param($i + 1, $row[$i], $i == 6 ? DBI::SQL_BLOB : undef);
}
$insert->execute;
my $got = $dbh->selectrow_arrayref('SELECT * FROM t WHERE id = ?', undef, 1);
# DBD::mysql 4.050 leaves text from server-side prepared statements as UTF-8 bytes (against MariaDB too).
utf8::decode($got->[5]) unless utf8::is_utf8($got->[5]);
for my $i (0 .. $#row) {
  my ($g, $e) = ($got->[$i], $row[$i]);
  check((!defined $g && !defined $e) || (defined $g && defined $e && $g eq $e),
    "column $i: got " . (defined $g ? "'$g'" : 'NULL') . ', expected ' . (defined $e ? "'$e'" : 'NULL'));
}

$dbh->begin_work;
$dbh->do('INSERT INTO t (id) VALUES (?)', undef, 2);
$dbh->rollback;
check(($dbh->selectrow_array('SELECT COUNT(*) FROM t'))[0] == 1, 'rolled-back row is visible');
$dbh->begin_work;
$dbh->do('INSERT INTO t (id) VALUES (?)', undef, 3);
$dbh->commit;
check(($dbh->selectrow_array('SELECT COUNT(*) FROM t'))[0] == 2, 'committed row is missing');

eval { $dbh->do('INSERT INTO t (id) VALUES (?)', undef, 1); };
check($@ && $dbh->err == 1062, 'duplicate key: ' . ($dbh->err // 'no error'));
$dbh->disconnect;
print "MATRIX OK\n";
