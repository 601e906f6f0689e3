// The client-matrix script for JDBC with MariaDB Connector/J (Debian libmariadb-java): TLS verifying the server
// certificate and host name (useSsl with serverSslCert; host name verification is on by default), server-side prepared statements (useServerPrepStmts=true), exact
// values, commit/rollback, an error code. Run with `java -cp <connector jar> Matrix.java`.
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

public class Matrix {
  static void check(boolean ok, String message) {
    if (!ok) {
      System.err.println("FAILED: " + message);
      System.exit(1);
    }
  }

  public static void main(String[] args) throws Exception {
    String host = System.getenv("TIDAL_HOST");
    String port = System.getenv("TIDAL_PORT");
    String ca = System.getenv("TIDAL_CA");
    String db = System.getenv("TIDAL_DB");
    String url = "jdbc:mariadb://" + host + ":" + port + "/?user=root&password=&useSsl=true&serverSslCert=" + ca
        + "&useServerPrepStmts=true";
    byte[] blob = {0x00, (byte) 0xFF, (byte) 0x80, 0x7F, 0x27, 0x5C};
    try (Connection conn = DriverManager.getConnection(url); Statement st = conn.createStatement()) {
      try (ResultSet rs = st.executeQuery("SHOW SESSION STATUS LIKE 'Ssl_version'")) {
        check(rs.next() && rs.getString(2).startsWith("TLS"), "connection is not TLS");
      }
      st.execute("CREATE DATABASE " + db);
      st.execute("USE " + db);
      st.execute("CREATE TABLE t (id INT PRIMARY KEY, i BIGINT, u BIGINT UNSIGNED, dec_ DECIMAL(20,6), d DOUBLE, "
          + "s VARCHAR(50), b BLOB, dt DATE, dtm DATETIME(6), tm TIME, n INT)");
      try (PreparedStatement ins = conn.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ins.setInt(1, 1);
        ins.setLong(2, Long.MIN_VALUE);
        ins.setBigDecimal(3, new BigDecimal("18446744073709551615"));
        ins.setBigDecimal(4, new BigDecimal("-12345678901234.123456"));
        ins.setDouble(5, 2.5);
        ins.setString(6, "héllo ✓ 'q'");
        ins.setBytes(7, blob);
        ins.setDate(8, java.sql.Date.valueOf("2024-02-29"));
        ins.setTimestamp(9, java.sql.Timestamp.valueOf("2024-02-29 23:59:58.123456"));
        ins.setTime(10, java.sql.Time.valueOf("12:34:56"));
        ins.setNull(11, java.sql.Types.INTEGER);
        check(ins.executeUpdate() == 1, "insert count");
      }
      try (PreparedStatement sel = conn.prepareStatement("SELECT * FROM t WHERE id = ?")) {
        sel.setInt(1, 1);
        try (ResultSet rs = sel.executeQuery()) {
          check(rs.next(), "no row");
          check(rs.getInt(1) == 1, "id");
          check(rs.getLong(2) == Long.MIN_VALUE, "bigint " + rs.getString(2));
          check(rs.getBigDecimal(3).equals(new BigDecimal("18446744073709551615")), "unsigned " + rs.getString(3));
          check(rs.getBigDecimal(4).equals(new BigDecimal("-12345678901234.123456")), "decimal " + rs.getString(4));
          check(rs.getDouble(5) == 2.5, "double " + rs.getString(5));
          check(rs.getString(6).equals("héllo ✓ 'q'"), "varchar " + rs.getString(6));
          check(Arrays.equals(rs.getBytes(7), blob), "blob");
          check(rs.getDate(8).toString().equals("2024-02-29"), "date " + rs.getString(8));
          check(rs.getTimestamp(9).toString().equals("2024-02-29 23:59:58.123456"), "datetime " + rs.getString(9));
          check(rs.getTime(10).toString().equals("12:34:56"), "time " + rs.getString(10));
          rs.getInt(11);
          check(rs.wasNull(), "null");
        }
      }
      conn.setAutoCommit(false);
      try (PreparedStatement ins = conn.prepareStatement("INSERT INTO t (id) VALUES (?)")) {
        ins.setInt(1, 2);
        ins.executeUpdate();
        conn.rollback();
        check(count(st) == 1, "rolled-back row is visible");
        ins.setInt(1, 3);
        ins.executeUpdate();
        conn.commit();
        check(count(st) == 2, "committed row is missing");
        ins.setInt(1, 1);
        try {
          ins.executeUpdate();
          check(false, "duplicate key accepted");
        } catch (SQLException e) {
          check(e.getErrorCode() == 1062, "error code " + e.getErrorCode());
        }
      }
    }
    System.out.println("MATRIX OK");
  }

  static long count(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
