// The client matrix, non-Node part (run by `npm run test:clients`): each client's script in its own directory runs
// against a TLS tidal-server, verifying the server's certificate and name, and must print MATRIX OK.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { makeCertificates, tlsFlags } from '../e2e/helpers/certificates.js';
import type { CertificateSet } from '../e2e/helpers/certificates.js';
import { startTidal } from '../e2e/helpers/tidal-process.js';
import type { TidalProcess } from '../e2e/helpers/tidal-process.js';

const CLIENTS_DIR = fileURLToPath(new URL('../../../test/clients/', import.meta.url));

/**
 * Each client: its interpreter, script, and the host name it connects to. libmariadb-based clients (Perl, Ruby) and PHP's mysqlnd
 * treat `localhost` as the Unix socket, so they use 127.0.0.1, which the server certificate also names.
 */
const CLIENTS = [
  { name: 'PyMySQL', command: '/usr/bin/python3', script: 'pymysql/matrix.py', host: 'localhost' },
  { name: 'Perl DBI (DBD::mysql, server-side prepare)', command: 'perl', script: 'perl-dbi/matrix.pl', host: '127.0.0.1' },
  { name: 'PHP PDO (native prepares)', command: 'php', script: 'php-pdo/matrix.php', host: '127.0.0.1' },
  { name: 'PHP mysqli (prepared statements, long data)', command: 'php', script: 'php-mysqli/matrix.php', host: '127.0.0.1' },
  { name: 'JDBC, MariaDB Connector/J (useServerPrepStmts=true)', command: 'java', args: ['-cp', '/usr/share/java/mariadb-java-client.jar'], script: 'jdbc-mariadb/Matrix.java', host: 'localhost' },
  { name: 'Ruby mysql2 (prepared statements)', command: 'ruby', script: 'ruby-mysql2/matrix.rb', host: '127.0.0.1' },
  { name: 'Go database/sql with go-sql-driver/mysql', command: 'go', args: ['run'], script: 'go-sql-driver/matrix.go', host: 'localhost', env: { GO111MODULE: 'off', GOPATH: '/usr/share/gocode' } },
] as const satisfies readonly Client[];

interface Client {
  readonly name: string;
  readonly command: string;
  readonly args?: readonly string[];
  readonly script: string;
  readonly host: string;
  readonly env?: Readonly<Record<string, string>>;
}

describe('client matrix: PyMySQL, Perl DBI, PHP PDO and mysqli, JDBC, Ruby, Go over verified TLS', () => {
  let certs: CertificateSet;
  let server: TidalProcess;

  before(async () => {
    certs = await makeCertificates('full-matrix');
    server = await startTidal({ args: tlsFlags(certs) });
  });

  after(async () => {
    await server.stop();
    await certs.remove();
  });

  CLIENTS.forEach((client: Client, index) => {
    it(client.name, async () => {
      const env = { ...process.env, ...client.env, TIDAL_HOST: client.host, TIDAL_PORT: String(server.port), TIDAL_CA: certs.ca, TIDAL_DB: `matrix_${index}` };
      const outcome = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(client.command, [...(client.args ?? []), `${CLIENTS_DIR}${client.script}`], { env, timeout: 120_000 }, (error, stdout, stderr) => {
          resolve({ code: error ? 1 : 0, stdout, stderr });
        });
      });
      assert.equal(outcome.code, 0, outcome.stderr);
      assert.match(outcome.stdout, /MATRIX OK/);
    });
  });

  it('a client given another CA refuses the server (verification is really on)', async () => {
    const other = await makeCertificates('other-ca');
    try {
      const env = { ...process.env, TIDAL_HOST: 'localhost', TIDAL_PORT: String(server.port), TIDAL_CA: other.ca, TIDAL_DB: 'never' };
      const outcome = await new Promise<{ code: number; stderr: string }>((resolve) => {
        execFile('/usr/bin/python3', [`${CLIENTS_DIR}pymysql/matrix.py`], { env, timeout: 60_000 }, (error, _stdout, stderr) => resolve({ code: error ? 1 : 0, stderr }));
      });
      assert.notEqual(outcome.code, 0);
      assert.match(outcome.stderr, /CERTIFICATE_VERIFY_FAILED|certificate verify failed/);
    } finally {
      await other.remove();
    }
  });
});
