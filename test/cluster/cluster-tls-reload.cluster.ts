// cluster-ssl-cert/-key/-ca rotated under a running node: it keeps serving SQL, keeps its lease, refuses bad files,
// and the connections it opens to etcd afterwards present the new certificate (etcd is made to refuse the old one).
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Etcd3 } from 'etcd3';
import type { RowDataPacket } from 'mysql2/promise';
import { clusterSslFlags } from '../e2e/helpers/certificates.js';
import { connect } from '../e2e/helpers/mysql2-client.js';
import { startTidal, tempDir } from '../e2e/helpers/tidal-process.js';
import type { TidalProcess } from '../e2e/helpers/tidal-process.js';
import { waitFor } from '../e2e/helpers/wait-for.js';
import { issueClientCertificate, makeClusterCertificates } from './helpers/cluster-certificates.js';
import { startEtcdCluster } from './helpers/etcd-cluster.js';

/** Generous: file watch, settle time and etcd member restarts on a loaded 2-core machine. */
const CHANGE_TIMEOUT_MS = 60_000;

// Two CAs: the first signs the etcd members and the node's first certificates, the second the node's last one.
const first = await tempDir('cluster-ca1');
const second = await tempDir('cluster-ca2');
const home = await tempDir('cluster-tls-reload');
const certsA = await makeClusterCertificates(first.path);
const certsB = await makeClusterCertificates(second.path);
// etcd accepts clients of either CA until the test rewrites this file and restarts the members.
const clientTrust = join(first.path, 'client-trust.pem');
writeFileSync(clientTrust, Buffer.concat([readFileSync(certsA.ca), readFileSync(certsB.ca)]));
const cluster = await startEtcdCluster({
  certificates: certsA,
  clientTrust: { caFile: clientTrust, cert: certsB.clientCert, key: certsB.clientKey },
});

// The node's cluster-ssl-* files live in a folder of their own, rewritten in place as an operator would.
const tlsDir = join(home.path, 'cluster-tls');
mkdirSync(tlsDir);
const files = { ca: join(tlsDir, 'ca.pem'), cert: join(tlsDir, 'client.pem'), key: join(tlsDir, 'client-key.pem') };
copyFileSync(certsA.ca, files.ca);
copyFileSync(certsA.clientCert, files.cert);
copyFileSync(certsA.clientKey, files.key);

let server: TidalProcess | undefined;
after(async () => {
  await server?.kill9();
  await cluster.stop();
  for (const dir of [first, second, home]) await dir.remove();
});

/** Replaces the node's files by rename (each appears whole); key before certificate, within one settle period. */
function install(contents: { readonly cert?: Buffer | string; readonly key?: Buffer | string }): void {
  for (const role of ['key', 'cert'] as const) {
    const content = contents[role];
    if (content === undefined) continue;
    writeFileSync(`${files[role]}.new`, content);
    renameSync(`${files[role]}.new`, files[role]);
  }
}

function serialOf(certificateFile: string): string {
  return new X509Certificate(readFileSync(certificateFile)).serialNumber;
}

function records(msg: string): Array<Record<string, unknown>> {
  return server?.records().filter((record) => record.msg === msg) ?? [];
}

/** A new client connection writes a row and reads every row back (a statement that must reach etcd). */
async function writeAndRead(name: string): Promise<string[]> {
  if (server === undefined) throw new Error('no server');
  const db = await connect(server.port);
  try {
    await db.query('INSERT INTO rot.log (name) VALUES (?)', [name]);
    const [rows] = await db.query<RowDataPacket[]>('SELECT name FROM rot.log ORDER BY id');
    return rows.map((row) => String(row.name));
  } finally {
    await db.end();
  }
}

/** Whether etcd accepts a client presenting `cert`/`key` right now. */
async function isAccepted(cert: string, key: string): Promise<boolean> {
  const credentials = {
    rootCertificate: readFileSync(certsA.ca),
    certChain: readFileSync(cert),
    privateKey: readFileSync(key),
  };
  const client = new Etcd3({
    hosts: cluster.endpoints.map((endpoint) => `https://${endpoint}`),
    credentials,
    dialTimeout: 5000,
  });
  try {
    await client.maintenance.status({ deadline: Date.now() + 10_000 });
    return true;
  } catch {
    return false;
  } finally {
    client.close();
  }
}

void describe('cluster-ssl-* rotation under a running node', () => {
  void it('reloads a new pair of the same CA, refuses bad files, and reaches etcd with a new CA once etcd refuses the old one', async () => {
    server = await startTidal({
      dataDir: home.path,
      args: [
        '--store',
        'etcd',
        '--path',
        cluster.endpoints.join(','),
        '--temp-dir',
        home.path,
        ...clusterSslFlags(files),
      ],
    });
    const db = await connect(server.port);
    await db.query('CREATE DATABASE rot');
    await db.query('CREATE TABLE rot.log (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(40))');
    await db.query('CREATE TABLE rot.load (id INT PRIMARY KEY AUTO_INCREMENT, n INT)');
    assert.deepEqual(await writeAndRead('start'), ['start']);
    // One session keeps committing through every rotation below (until etcd itself restarts): none may fail.
    let isLoading = true;
    let committed = 0;
    const load = (async () => {
      while (isLoading) {
        await db.query('INSERT INTO rot.load (n) VALUES (?)', [committed]);
        committed += 1;
      }
    })();

    // A new pair from the same CA: reloaded, named by its serial in the log, SQL goes on.
    const renewed = await issueClientCertificate(first.path, 'tidal-client-renewed');
    install({ key: readFileSync(renewed.key), cert: readFileSync(renewed.cert) });
    await waitFor(
      () => records('cluster TLS material reloaded').some((r) => r.serialNumber === serialOf(renewed.cert)),
      'the renewed pair in force',
      CHANGE_TIMEOUT_MS,
    );
    assert.equal(records('cluster TLS material reloaded')[0]?.previousSerialNumber, serialOf(certsA.clientCert));
    assert.deepEqual(await writeAndRead('renewed'), ['start', 'renewed']);

    // Garbage, then a certificate whose key is elsewhere: each logged once as an error, the renewed pair stays.
    install({ cert: 'not a certificate\n' });
    const refused = 'cluster TLS files changed but are not usable; keeping the current cluster TLS material';
    await waitFor(() => records(refused).length === 1, 'the garbage certificate refused', CHANGE_TIMEOUT_MS);
    assert.equal(records(refused)[0]?.level, 'error');
    assert.match(String(records(refused)[0]?.reason), /client\.pem/);
    assert.deepEqual(await writeAndRead('after garbage'), ['start', 'renewed', 'after garbage']);
    install({ cert: readFileSync(certsB.clientCert) });
    await waitFor(() => records(refused).length === 2, 'the certificate without its key refused', CHANGE_TIMEOUT_MS);
    assert.match(String(records(refused)[1]?.reason), /match/i);
    assert.equal(records('cluster TLS material reloaded').length, 1);
    assert.deepEqual(await writeAndRead('after mismatch'), ['start', 'renewed', 'after garbage', 'after mismatch']);

    // A pair from the second CA (and a CA file that names both CAs, as during a CA rollover), then etcd stops
    // trusting the first: only connections with the new pair get in.
    writeFileSync(`${files.ca}.new`, readFileSync(clientTrust));
    renameSync(`${files.ca}.new`, files.ca);
    install({ key: readFileSync(certsB.clientKey), cert: readFileSync(certsB.clientCert) });
    await waitFor(
      () => records('cluster TLS material reloaded').some((r) => r.serialNumber === serialOf(certsB.clientCert)),
      'the second CA pair in force',
      CHANGE_TIMEOUT_MS,
    );
    const changed = records('cluster TLS material reloaded').flatMap((r) => (r.changed as string[] | undefined) ?? []);
    assert.ok(changed.includes(files.ca), changed.join(','));
    const committedBeforeStop = committed;
    isLoading = false;
    await load;
    await db.end();
    assert.ok(committedBeforeStop > 0);
    writeFileSync(clientTrust, readFileSync(certsB.ca));
    for (const member of cluster.members) {
      await cluster.kill9(member);
      await cluster.restart(member);
    }
    assert.equal(await isAccepted(renewed.cert, renewed.key), false, 'etcd must refuse the first CA now');
    assert.equal(await isAccepted(certsB.clientCert, certsB.clientKey), true);
    // Every connection the node had was cut by the restarts: what it reaches etcd with now, it opened since.
    let rows: string[] = [];
    await waitFor(
      async () => {
        try {
          rows = await writeAndRead('after new CA');
          return true;
        } catch {
          return false;
        }
      },
      'SQL through connections made with the new certificate',
      CHANGE_TIMEOUT_MS,
    );
    assert.deepEqual(rows.slice(0, 4), ['start', 'renewed', 'after garbage', 'after mismatch']);
    assert.ok(rows.slice(4).every((name) => name === 'after new CA') && rows.length >= 5, rows.join(','));
    assert.deepEqual(records('the node lost its etcd lease; joining again'), []);
  });
});
