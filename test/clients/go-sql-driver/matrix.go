// The client-matrix script for Go's database/sql with go-sql-driver/mysql (Debian golang-go +
// golang-github-go-sql-driver-mysql-dev): TLS verifying the server certificate and host name, server-side prepared
// statements (interpolateParams off, the default), exact values, commit/rollback, an error code.
package main

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"database/sql"
	"errors"
	"fmt"
	"os"

	"github.com/go-sql-driver/mysql"
)

func check(ok bool, message string) {
	if !ok {
		fmt.Fprintln(os.Stderr, "FAILED: "+message)
		os.Exit(1)
	}
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "FAILED: "+err.Error())
		os.Exit(1)
	}
}

func main() {
	host, port, ca, db := os.Getenv("TIDAL_HOST"), os.Getenv("TIDAL_PORT"), os.Getenv("TIDAL_CA"), os.Getenv("TIDAL_DB")
	pem, err := os.ReadFile(ca)
	must(err)
	pool := x509.NewCertPool()
	check(pool.AppendCertsFromPEM(pem), "CA")
	// ServerName makes crypto/tls verify the certificate chain and the host name.
	must(mysql.RegisterTLSConfig("matrix", &tls.Config{RootCAs: pool, ServerName: host}))
	conn, err := sql.Open("mysql", fmt.Sprintf("root:@tcp(%s:%s)/?tls=matrix", host, port))
	must(err)
	conn.SetMaxOpenConns(1)
	defer conn.Close()
	var name, version string
	must(conn.QueryRow("SHOW SESSION STATUS LIKE 'Ssl_version'").Scan(&name, &version))
	check(len(version) > 3 && version[:3] == "TLS", "connection is not TLS")
	_, err = conn.Exec("CREATE DATABASE " + db)
	must(err)
	_, err = conn.Exec("USE " + db)
	must(err)
	_, err = conn.Exec("CREATE TABLE t (id INT PRIMARY KEY, i BIGINT, u BIGINT UNSIGNED, dec_ DECIMAL(20,6), d DOUBLE, " +
		"s VARCHAR(50), b BLOB, dt DATE, dtm DATETIME(6), tm TIME, n INT)")
	must(err)
	blob := []byte{0x00, 0xFF, 0x80, 0x7F, 0x27, 0x5C}
	_, err = conn.Exec("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", 1, int64(-9223372036854775808),
		uint64(18446744073709551615), "-12345678901234.123456", 2.5, "héllo ✓ 'q'", blob, "2024-02-29",
		"2024-02-29 23:59:58.123456", "12:34:56", nil)
	must(err)
	var (
		id                  int
		i                   int64
		u                   uint64
		dec, s, dt, dtm, tm string
		d                   float64
		b                   []byte
		n                   sql.NullInt64
	)
	must(conn.QueryRow("SELECT * FROM t WHERE id = ?", 1).Scan(&id, &i, &u, &dec, &d, &s, &b, &dt, &dtm, &tm, &n))
	check(id == 1 && i == -9223372036854775808 && u == 18446744073709551615, fmt.Sprint("integers ", id, i, u))
	check(dec == "-12345678901234.123456" && d == 2.5 && s == "héllo ✓ 'q'" && bytes.Equal(b, blob), fmt.Sprint("values ", dec, d, s, b))
	check(dt == "2024-02-29" && dtm == "2024-02-29 23:59:58.123456" && tm == "12:34:56" && !n.Valid, fmt.Sprint("temporal ", dt, dtm, tm, n))

	count := func() int {
		var c int
		must(conn.QueryRow("SELECT COUNT(*) FROM t").Scan(&c))
		return c
	}
	tx, err := conn.Begin()
	must(err)
	_, err = tx.Exec("INSERT INTO t (id) VALUES (?)", 2)
	must(err)
	must(tx.Rollback())
	check(count() == 1, "rolled-back row is visible")
	tx, err = conn.Begin()
	must(err)
	_, err = tx.Exec("INSERT INTO t (id) VALUES (?)", 3)
	must(err)
	must(tx.Commit())
	check(count() == 2, "committed row is missing")
	_, err = conn.Exec("INSERT INTO t (id) VALUES (?)", 1)
	var mysqlErr *mysql.MySQLError
	check(errors.As(err, &mysqlErr) && mysqlErr.Number == 1062, fmt.Sprint("error ", err))
	fmt.Println("MATRIX OK")
}
