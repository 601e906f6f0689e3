// End-to-end: accounts in the mysql grant tables, account statements, and logins with both password plugins.
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { makeCertificates, tlsFlags } from './helpers/certificates.js';
import type { CertificateSet } from './helpers/certificates.js';
import { mariadbAs } from './helpers/mariadb-cli.js';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { startTidal, tempDir } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';
import { startCapturingProxy } from './helpers/capturing-proxy.js';
import { PacketKind, RawMysqlClient } from './helpers/raw-mysql-client.js';
import mysqlCallbacks from 'mysql2';

/** Key size for this file's certificates: they test accounts, not key strength. */
const FAST_KEYS = 2048;

async function rows(db: Connection, sql: string): Promise<Record<string, unknown>[]> {
  const [result] = await db.query<RowDataPacket[]>(sql);
  return result.map((row) => ({ ...row }));
}

/** Logs in as `user` and returns CURRENT_USER(), closing the connection. */
async function currentUser(port: number, user: string, password: string, options: Record<string, unknown> = {}): Promise<string> {
  const db = await connect(port, { user, password, ...options });
  try {
    const [[row]] = await db.query<RowDataPacket[]>('SELECT CURRENT_USER() AS u');
    return row!.u as string;
  } finally {
    await db.end();
  }
}

async function assertLoginDenied(port: number, user: string, password: string, options: Record<string, unknown> = {}, code = 1045): Promise<string> {
  let message = '';
  await assert.rejects(connect(port, { user, password, ...options }), (error: unknown) => {
    const e = error as { errno?: number; message?: string };
    assert.equal(e.errno, code, `expected ${code}, got ${e.errno}: ${e.message}`);
    message = e.message ?? '';
    return true;
  });
  return message;
}

describe('accounts and authentication', () => {
  let certs: CertificateSet;
  let server: TidalProcess;
  let ca: Buffer;
  let root: Connection;

  before(async () => {
    certs = await makeCertificates('accounts', FAST_KEYS);
    ca = await readFile(certs.ca);
    server = await startTidal({ args: tlsFlags(certs) });
    root = await connect(server.port);
  });

  after(async () => {
    await root.end();
    await server.stop();
    await certs.remove();
  });

  it('bootstraps root@% without a password in a mysql.user readable with SELECT', async () => {
    assert.deepEqual(await rows(root, "SELECT Host, User, plugin, authentication_string, Select_priv, Create_user_priv FROM mysql.user WHERE User = 'root'"), [
      { Host: '%', User: 'root', plugin: 'mysql_native_password', authentication_string: '', Select_priv: 'Y', Create_user_priv: 'Y' },
    ]);
    const tables = (await rows(root, 'SHOW TABLES FROM mysql')).map((row) => Object.values(row)[0]);
    for (const table of ['db', 'tables_priv', 'user']) assert.ok(tables.includes(table), `mysql.${table} exists`);
    assert.equal(await currentUser(server.port, 'root', ''), 'root@%');
  });

  it('CREATE USER stores the hash of the default plugin, never the password', async () => {
    await root.query("CREATE USER 'alice'@'%' IDENTIFIED BY 'alice-pw-1', 'nat'@'localhost' IDENTIFIED WITH mysql_native_password BY 'nat-pw'");
    const stored = await rows(root, "SELECT User, Host, plugin, authentication_string AS a FROM mysql.user WHERE User IN ('alice', 'nat') ORDER BY User");
    assert.equal(stored[0]!.plugin, 'caching_sha2_password');
    assert.match(stored[0]!.a as string, /^\$A\$005\$/);
    assert.deepEqual({ ...stored[1], a: undefined }, { User: 'nat', Host: 'localhost', plugin: 'mysql_native_password', a: undefined });
    assert.match(stored[1]!.a as string, /^\*[0-9A-F]{40}$/);
    // The salted hash is random text, which may contain 'pw' by chance: look for the passwords themselves.
    for (const row of stored) assert.ok(!['alice-pw-1', 'nat-pw'].some((password) => String(row.a).includes(password)), 'no cleartext password is stored');
  });

  it('CREATE USER errors and notes: 1396 for an existing account, 3163 with IF NOT EXISTS, 1524 for an unknown plugin', async () => {
    await root.query("CREATE USER 'dup'@'%'");
    await assertSqlError(root, "CREATE USER 'dup'@'%', 'fresh1'@'%'", 1396, "Operation CREATE USER failed for 'dup'@'%'");
    assert.deepEqual(await rows(root, "SELECT User FROM mysql.user WHERE User = 'fresh1'"), [], 'a failed CREATE USER creates none of its accounts');
    await root.query("CREATE USER IF NOT EXISTS 'dup'@'%', 'fresh2'@'%'");
    assert.deepEqual(await rows(root, 'SHOW WARNINGS'), [{ Level: 'Warning', Code: 3163, Message: "Authorization ID 'dup'@'%' already exists." }]);
    assert.equal((await rows(root, "SELECT User FROM mysql.user WHERE User = 'fresh2'")).length, 1);
    await assertSqlError(root, "CREATE USER 'p'@'%' IDENTIFIED WITH sha999_password BY 'x'", 1524, "Plugin 'sha999_password' is not loaded");
  });

  it('concurrent CREATE USER of one name: exactly one succeeds, the other gets 1396', async () => {
    const other = await connect(server.port);
    try {
      const results = await Promise.allSettled([root.query("CREATE USER 'race'@'%'"), other.query("CREATE USER 'race'@'%'")]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      assert.equal((failed.reason as { errno?: number }).errno, 1396);
    } finally {
      await other.end();
    }
  });

  it('ALTER USER, SET PASSWORD, RENAME USER and DROP USER change who can log in', async () => {
    await root.query("CREATE USER 'carol'@'%' IDENTIFIED BY 'carol-1'");
    assert.equal(await currentUser(server.port, 'carol', 'carol-1', { ssl: { ca } }), 'carol@%');
    await root.query("ALTER USER 'carol'@'%' IDENTIFIED BY 'carol-2'");
    await assertLoginDenied(server.port, 'carol', 'carol-1', { ssl: { ca } });
    assert.equal(await currentUser(server.port, 'carol', 'carol-2', { ssl: { ca } }), 'carol@%');
    await root.query("SET PASSWORD FOR 'carol'@'%' = 'carol-3'");
    assert.equal(await currentUser(server.port, 'carol', 'carol-3', { ssl: { ca } }), 'carol@%');
    await root.query("ALTER USER carol IDENTIFIED WITH mysql_native_password BY 'carol-4'");
    assert.equal(await currentUser(server.port, 'carol', 'carol-4'), 'carol@%');

    // A user changes their own password with SET PASSWORD (no FOR).
    const carol = await connect(server.port, { user: 'carol', password: 'carol-4' });
    await carol.query("SET PASSWORD = 'carol-5'");
    await carol.end();
    assert.equal(await currentUser(server.port, 'carol', 'carol-5'), 'carol@%');

    await root.query("RENAME USER 'carol'@'%' TO 'dave'@'%'");
    await assertLoginDenied(server.port, 'carol', 'carol-5');
    assert.equal(await currentUser(server.port, 'dave', 'carol-5'), 'dave@%');
    await assertSqlError(root, "RENAME USER 'nobody'@'%' TO 'x'@'%'", 1396, "Operation RENAME USER failed for 'nobody'@'%'");
    await assertSqlError(root, "ALTER USER 'nobody'@'%' IDENTIFIED BY 'x'", 1396, "Operation ALTER USER failed for 'nobody'@'%'");
    await assertSqlError(root, "SET PASSWORD FOR 'nobody'@'%' = 'x'", 1133, "Can't find any matching row in the user table");

    await root.query("DROP USER 'dave'@'%'");
    await assertLoginDenied(server.port, 'dave', 'carol-5');
    await assertSqlError(root, "DROP USER 'dave'@'%'", 1396, "Operation DROP USER failed for 'dave'@'%'");
    await root.query("DROP USER IF EXISTS 'dave'@'%'");
    assert.deepEqual(await rows(root, 'SHOW WARNINGS'), [{ Level: 'Warning', Code: 3162, Message: "Authorization ID 'dave'@'%' does not exist." }]);
  });

  it('SHOW CREATE USER prints the plugin, hash and options as MySQL 8', async () => {
    await root.query("CREATE USER 'shown'@'localhost' IDENTIFIED WITH mysql_native_password BY 'pw' ACCOUNT LOCK");
    const [[row]] = await root.query<RowDataPacket[]>("SHOW CREATE USER 'shown'@'localhost'");
    assert.deepEqual(Object.keys(row!), ['CREATE USER for shown@localhost']);
    assert.equal(
      Object.values(row!)[0],
      "CREATE USER `shown`@`localhost` IDENTIFIED WITH 'mysql_native_password' AS '*D821809F681A40A6E379B50D0463EFAE20BDD122' REQUIRE NONE PASSWORD EXPIRE DEFAULT ACCOUNT LOCK PASSWORD HISTORY DEFAULT PASSWORD REUSE INTERVAL DEFAULT PASSWORD REQUIRE CURRENT DEFAULT",
    );
    await assertSqlError(root, "SHOW CREATE USER 'nobody'@'%'", 1396, "Operation SHOW CREATE USER failed for 'nobody'@'%'");
  });

  it('matches host patterns most specific first', async () => {
    await root.query("CREATE USER 'hp'@'%' IDENTIFIED WITH mysql_native_password BY 'any-host'");
    await root.query("CREATE USER 'hp'@'127.0.0.%' IDENTIFIED WITH mysql_native_password BY 'loopback-net'");
    await root.query("CREATE USER 'hp'@'127.0.0.1' IDENTIFIED WITH mysql_native_password BY 'exact-ip'");
    assert.equal(await currentUser(server.port, 'hp', 'exact-ip'), 'hp@127.0.0.1');
    await assertLoginDenied(server.port, 'hp', 'loopback-net');
    await root.query("DROP USER 'hp'@'127.0.0.1'");
    assert.equal(await currentUser(server.port, 'hp', 'loopback-net'), 'hp@127.0.0.%');
    await assertLoginDenied(server.port, 'hp', 'any-host');
    await root.query("CREATE USER 'far'@'10.%' IDENTIFIED WITH mysql_native_password BY 'far'");
    await assertLoginDenied(server.port, 'far', 'far');
    await root.query("CREATE USER 'loc'@'localhost' IDENTIFIED WITH mysql_native_password BY 'loc', 'mask'@'127.0.0.0/255.0.0.0' IDENTIFIED WITH mysql_native_password BY 'mask'");
    assert.equal(await currentUser(server.port, 'loc', 'loc'), 'loc@localhost');
    assert.equal(await currentUser(server.port, 'mask', 'mask'), 'mask@127.0.0.0/255.0.0.0');
  });

  it('caching_sha2_password: full authentication over TLS, then the fast path, over plain with RSA', async () => {
    await root.query("CREATE USER 'sha'@'%' IDENTIFIED BY 'sha-secret'");
    assert.equal(await currentUser(server.port, 'sha', 'sha-secret', { ssl: { ca } }), 'sha@%');
    assert.equal(await currentUser(server.port, 'sha', 'sha-secret'), 'sha@%');
    await assertLoginDenied(server.port, 'sha', 'wrong');
    await assertLoginDenied(server.port, 'sha', 'wrong', { ssl: { ca } });
    // A fresh account is not cached yet: its first plain login goes through the RSA exchange.
    await root.query("CREATE USER 'sha2'@'%' IDENTIFIED BY 'sha2-secret'");
    assert.equal(await currentUser(server.port, 'sha2', 'sha2-secret'), 'sha2@%');
  });

  it('refuses unknown users and wrong passwords alike, never naming which', async () => {
    await root.query("CREATE USER 'known'@'%' IDENTIFIED BY 'known-pw'");
    const wrongPassword = await assertLoginDenied(server.port, 'known', 'nope');
    const unknownUser = await assertLoginDenied(server.port, 'unknown', 'nope');
    assert.equal(wrongPassword.replace('known', 'X'), unknownUser.replace('unknown', 'X'));
    assert.match(await assertLoginDenied(server.port, 'known', ''), /\(using password: NO\)$/);
  });

  it('shows the RSA public key in Caching_sha2_password_rsa_public_key', async () => {
    const [[row]] = await root.query<RowDataPacket[]>("SHOW GLOBAL STATUS LIKE 'Caching_sha2_password_rsa_public_key'");
    const publicKey = await readFile(join(certs.dir, 'public_key.pem'), 'utf8');
    assert.equal((row!.Value as string).trim(), publicKey.trim());
  });

  it('never sends a password in clear over a plain socket (bytes captured by a proxy)', async () => {
    const password = 'Plain-Socket-Secret-42';
    await root.query(`CREATE USER 'wire'@'%' IDENTIFIED BY '${password}'`);
    const proxy = await startCapturingProxy(server.port);
    try {
      assert.equal(await currentUser(proxy.port, 'wire', password), 'wire@%');
      const toServer = proxy.clientBytes();
      const toClient = proxy.serverBytes();
      assert.ok(toClient.includes('-----BEGIN PUBLIC KEY-----'), 'the server sent its RSA public key');
      assert.equal(toServer.indexOf(password), -1, 'the password is not in the client→server bytes');
      assert.equal(toServer.indexOf(Buffer.from(password, 'utf16le')), -1);
      assert.ok(toServer.length > 256 + 32, 'an RSA-encrypted password (256 bytes for a 2048-bit key or more) crossed the wire');
    } finally {
      await proxy.close();
    }
  });

  it('skips the key request when the client already has the server\'s public key', async () => {
    const password = 'Known-Key-Secret-7';
    await root.query(`CREATE USER 'haskey'@'%' IDENTIFIED BY '${password}'`);
    const serverPublicKey = await readFile(join(certs.dir, 'public_key.pem'));
    const proxy = await startCapturingProxy(server.port);
    try {
      const authPlugins = { caching_sha2_password: (mysqlCallbacks as unknown as { authPlugins: { caching_sha2_password: (options: { serverPublicKey: Buffer }) => unknown } }).authPlugins.caching_sha2_password({ serverPublicKey }) };
      assert.equal(await currentUser(proxy.port, 'haskey', password, { authPlugins }), 'haskey@%');
      assert.equal(proxy.serverBytes().indexOf('-----BEGIN PUBLIC KEY-----'), -1, 'the server was not asked for its key');
      assert.equal(proxy.clientBytes().indexOf(password), -1);
    } finally {
      await proxy.close();
    }
  });

  it('refuses wrong plugin data: a garbage scramble, and garbage where the RSA-encrypted password belongs', async () => {
    const native = await RawMysqlClient.open(server.port);
    native.client.login('nat', 'mysql_native_password', Buffer.alloc(20, 7));
    const nativeAnswer = await native.client.next();
    assert.equal(nativeAnswer[0], PacketKind.ERR);
    assert.equal(nativeAnswer.readUInt16LE(1), 1045);
    native.client.close();

    const sha = await RawMysqlClient.open(server.port);
    sha.client.login('sha', 'caching_sha2_password', Buffer.alloc(32, 9));
    // Not cached for this garbage: the server asks for full authentication (AuthMoreData 0x04).
    let reply = await sha.client.next();
    if (reply[0] === 0x01 && reply[1] === 0x04) {
      sha.client.send(3, Buffer.from([2]));
      const key = await sha.client.next();
      assert.ok(key.toString('latin1').includes('BEGIN PUBLIC KEY'));
      sha.client.send(5, Buffer.alloc(256, 0x41));
      reply = await sha.client.next();
    }
    assert.equal(reply[0], PacketKind.ERR);
    assert.equal(reply.readUInt16LE(1), 1045);
    sha.client.close();
  });

  it('mariadb CLI logs in with caching_sha2_password over plain (RSA) and TLS, and is refused a wrong password', async () => {
    await root.query("CREATE USER 'cli'@'%' IDENTIFIED BY 'cli-pw'");
    const plain = await mariadbAs(server.port, 'cli', 'cli-pw', ['--ssl=0', '-N', '-e', "SELECT CURRENT_USER(); SHOW SESSION STATUS LIKE 'Ssl_version'"]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.equal(plain.stdout.trim(), 'cli@%\nSsl_version');
    const tls = await mariadbAs(server.port, 'cli', 'cli-pw', ['--ssl', `--ssl-ca=${certs.ca}`, '-N', '-e', "SELECT CURRENT_USER(); SHOW SESSION STATUS LIKE 'Ssl_version'"]);
    assert.equal(tls.code, 0, tls.stderr);
    assert.match(tls.stdout.trim(), /^cli@%\nSsl_version\tTLSv1\.[23]$/);
    const wrong = await mariadbAs(server.port, 'cli', 'bad-pw', ['--ssl=0', '-e', 'SELECT 1']);
    assert.notEqual(wrong.code, 0);
    assert.match(wrong.stderr, /ERROR 1045 \(28000\): Access denied for user 'cli'@'127\.0\.0\.1' \(using password: YES\)/);
    const native = await mariadbAs(server.port, 'nat', 'nat-pw', ['-N', '-e', 'SELECT CURRENT_USER()']);
    assert.equal(native.stdout.trim(), 'nat@localhost', native.stderr);
  });

  it('keeps passwords out of syntax errors', async () => {
    await assertSqlError(root, "ALTER USER 'alice'@'%' IDENTIFIED BYY 'leak-me-1' REQUIRE SSL", 1064, /near 'BYY '<secret>' REQUIRE SSL' at line 1$/);
    await assertSqlError(root, "CREATE USER 'x'@'%' IDENTIFIED WITH mysql_native_password BY 'leak-me-2' ACCOUNT MAYBE", 1064, /near 'MAYBE' at line 1$/);
    await assertSqlError(root, "SET PASSWORD FOR 'alice'@'%' 'leak-me-3'", 1064, /near ''<secret>'' at line 1$/);
  });

  it('keeps passwords out of the log', () => {
    for (const secret of ['alice-pw-1', 'carol-5', 'sha-secret', 'Plain-Socket-Secret-42', 'cli-pw', 'bad-pw']) {
      assert.ok(!server.logs.some((line) => line.includes(secret)), `log mentions ${secret}`);
    }
  });
});

describe('accounts across restarts and bootstrap options', () => {
  it('keeps accounts across a restart', async () => {
    const data = await tempDir('accounts-restart');
    try {
      let server = await startTidal({ dataDir: data.path });
      const root = await connect(server.port);
      await root.query("CREATE USER 'kept'@'%' IDENTIFIED WITH mysql_native_password BY 'kept-pw'");
      await root.end();
      await server.stop();
      server = await startTidal({ dataDir: data.path });
      try {
        assert.equal(await currentUser(server.port, 'kept', 'kept-pw'), 'kept@%');
        assert.equal(await currentUser(server.port, 'root', ''), 'root@%');
      } finally {
        await server.stop();
      }
    } finally {
      await data.remove();
    }
  });

  it('--initialize-root-password sets root\'s password on first start only', async () => {
    const certs = await makeCertificates('root-pw', FAST_KEYS);
    const data = await tempDir('root-pw');
    const ca = await readFile(certs.ca);
    try {
      let server = await startTidal({ dataDir: data.path, args: [...tlsFlags(certs), '--initialize-root-password', 'first-root-pw'] });
      await assertLoginDenied(server.port, 'root', '');
      assert.equal(await currentUser(server.port, 'root', 'first-root-pw', { ssl: { ca } }), 'root@%');
      assert.ok(!server.logs.some((line) => line.includes('first-root-pw')));
      await server.stop();
      server = await startTidal({ dataDir: data.path, args: [...tlsFlags(certs), '--initialize-root-password', 'second-root-pw'] });
      await assertLoginDenied(server.port, 'root', 'second-root-pw', { ssl: { ca } });
      assert.equal(await currentUser(server.port, 'root', 'first-root-pw', { ssl: { ca } }), 'root@%');
      await server.stop();
    } finally {
      await Promise.all([certs.remove(), data.remove()]);
    }
  });

  it('warns loudly when root has no password and the server listens beyond loopback', async () => {
    const open = await startTidal({ args: ['--host', '0.0.0.0'] });
    const loopback = await startTidal();
    const secured = await startTidal({ args: ['--host', '0.0.0.0', '--initialize-root-password', 'x-pw'] });
    try {
      const warned = (server: TidalProcess): boolean => server.records().some((r) => r.level === 'warn' && String(r.msg).includes('SECURITY WARNING: root'));
      assert.ok(warned(open));
      assert.ok(!warned(loopback));
      assert.ok(!warned(secured));
    } finally {
      await Promise.all([open.stop(), loopback.stop(), secured.stop()]);
    }
  });

  it('without an RSA key pair, caching_sha2_password full authentication needs TLS', async () => {
    const certs = await makeCertificates('no-rsa', FAST_KEYS);
    await rm(join(certs.dir, 'private_key.pem'));
    await rm(join(certs.dir, 'public_key.pem'));
    const server = await startTidal({ args: tlsFlags(certs) });
    try {
      const root = await connect(server.port);
      await root.query("CREATE USER 'nokey'@'%' IDENTIFIED BY 'nokey-pw'");
      await root.end();
      await assertLoginDenied(server.port, 'nokey', 'nokey-pw');
      const ca = await readFile(certs.ca);
      assert.equal(await currentUser(server.port, 'nokey', 'nokey-pw', { ssl: { ca } }), 'nokey@%');
      // Once cached, the fast path works on a plain connection too, as in MySQL.
      assert.equal(await currentUser(server.port, 'nokey', 'nokey-pw'), 'nokey@%');
    } finally {
      await server.stop();
      await certs.remove();
    }
  });
});
