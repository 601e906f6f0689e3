// Starts a real 3-member etcd cluster on loopback (free ports, client and peer mutual TLS, temporary data dirs).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Etcd3 } from 'etcd3';
import { makeClusterCertificates } from './cluster-certificates.js';
import type { ClusterCertificates } from './cluster-certificates.js';

/** One member: its ports and files, and its process while it runs. */
export interface EtcdMember {
  readonly name: string;
  readonly clientPort: number;
  readonly peerPort: number;
  readonly dataDir: string;
  readonly logFile: string;
  /** `127.0.0.1:<clientPort>`. */
  readonly endpoint: string;
  process: ChildProcess | undefined;
}

/** A running cluster; `stop()` kills every member and removes the files. */
export interface EtcdCluster {
  readonly dir: string;
  readonly certificates: ClusterCertificates;
  readonly members: readonly EtcdMember[];
  /** `127.0.0.1:<port>` of every member, for tidal-server's `path`. */
  readonly endpoints: readonly string[];
  /** The member that is the Raft leader now (waits until there is one). */
  leader(): Promise<EtcdMember>;
  /** Kills `member` with SIGKILL and waits for it to exit. */
  kill9(member: EtcdMember): Promise<void>;
  /** Starts a stopped member again on its data directory. */
  restart(member: EtcdMember): Promise<void>;
  /** Resolves once every running member answers and one of them leads. */
  waitHealthy(): Promise<void>;
  stop(): Promise<void>;
}

/** Options of {@link startEtcdCluster}. */
export interface EtcdClusterOptions {
  /** Extra etcd flags for every member, e.g. `--max-txn-ops=1024`. */
  readonly extraArgs?: readonly string[];
  /** Certificates made by the caller (in their own folder, kept by `stop()`); new ones in the cluster's folder otherwise. */
  readonly certificates?: ClusterCertificates;
  /**
   * Whom the members accept as clients: the CA file of `--trusted-ca-file` (read again when a member restarts, so a
   * test may rewrite it) and the certificate this helper's own health checks present. The cluster CA and its client
   * certificate by default.
   */
  readonly clientTrust?: { readonly caFile: string; readonly cert: string; readonly key: string };
}

/** Election settings a little slower than etcd's defaults, so a loaded 2-core machine does not flap leaders. */
const TIMING_ARGS = ['--heartbeat-interval=200', '--election-timeout=2000'];
const HEALTH_TIMEOUT_MS = 60_000;

/** A port nothing listens on right now (the kernel's pick for port 0). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

/** Makes certificates and starts three members; resolves once the cluster has a leader. */
export async function startEtcdCluster(options: EtcdClusterOptions = {}): Promise<EtcdCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'tidal-etcd-'));
  const certificates = options.certificates ?? (await makeClusterCertificates(dir));
  const clientTrust = options.clientTrust ?? {
    caFile: certificates.ca,
    cert: certificates.clientCert,
    key: certificates.clientKey,
  };
  const members: EtcdMember[] = [];
  for (const name of ['m1', 'm2', 'm3']) {
    const clientPort = await freePort();
    const peerPort = await freePort();
    members.push({
      name,
      clientPort,
      peerPort,
      dataDir: join(dir, `${name}.etcd`),
      logFile: join(dir, `${name}.log`),
      endpoint: `127.0.0.1:${clientPort}`,
      process: undefined,
    });
  }
  const initialCluster = members.map((m) => `${m.name}=https://127.0.0.1:${m.peerPort}`).join(',');
  const tls = certificates;
  const argsOf = (member: EtcdMember): string[] => [
    `--name=${member.name}`,
    `--data-dir=${member.dataDir}`,
    `--listen-client-urls=https://127.0.0.1:${member.clientPort}`,
    `--advertise-client-urls=https://127.0.0.1:${member.clientPort}`,
    `--listen-peer-urls=https://127.0.0.1:${member.peerPort}`,
    `--initial-advertise-peer-urls=https://127.0.0.1:${member.peerPort}`,
    `--initial-cluster=${initialCluster}`,
    '--initial-cluster-state=new',
    `--initial-cluster-token=${dir}`,
    `--cert-file=${tls.memberCert}`,
    `--key-file=${tls.memberKey}`,
    `--trusted-ca-file=${clientTrust.caFile}`,
    '--client-cert-auth',
    `--peer-cert-file=${tls.memberCert}`,
    `--peer-key-file=${tls.memberKey}`,
    `--peer-trusted-ca-file=${tls.ca}`,
    '--peer-client-cert-auth',
    '--logger=zap',
    `--log-outputs=${member.logFile}`,
    ...TIMING_ARGS,
    ...(options.extraArgs ?? []),
  ];
  const launch = (member: EtcdMember): void => {
    const child = spawn('etcd', argsOf(member), { stdio: 'ignore' });
    member.process = child;
    child.once('exit', () => {
      if (member.process === child) member.process = undefined;
    });
  };

  const credentials = {
    rootCertificate: readFileSync(tls.ca),
    certChain: readFileSync(clientTrust.cert),
    privateKey: readFileSync(clientTrust.key),
  };
  /** The member id and leader id one member reports, or undefined when it does not answer. */
  const status = async (member: EtcdMember): Promise<{ id: string; leader: string } | undefined> => {
    const client = new Etcd3({ hosts: `https://${member.endpoint}`, credentials, dialTimeout: 2000 });
    try {
      const reply = await client.maintenance.status({ deadline: Date.now() + 3000 });
      return { id: reply.header.member_id, leader: reply.leader };
    } catch {
      return undefined;
    } finally {
      client.close();
    }
  };
  const waitLeader = async (): Promise<EtcdMember> => {
    const deadline = Date.now() + HEALTH_TIMEOUT_MS;
    for (;;) {
      const running = members.filter((m) => m.process !== undefined);
      const replies = await Promise.all(running.map((m) => status(m)));
      const leaderId = replies[0]?.leader;
      if (
        leaderId !== undefined &&
        leaderId !== '0' &&
        replies.every((r) => r !== undefined && r.leader === leaderId)
      ) {
        const index = replies.findIndex((r) => r?.id === leaderId);
        const leader = running[index];
        if (leader !== undefined) return leader;
      }
      if (Date.now() > deadline) throw new Error(`etcd cluster in ${dir} has no leader after ${HEALTH_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  await mkdir(dir, { recursive: true });
  for (const member of members) launch(member);
  const cluster: EtcdCluster = {
    dir,
    certificates,
    members,
    endpoints: members.map((m) => m.endpoint),
    leader: waitLeader,
    waitHealthy: async () => {
      await waitLeader();
    },
    kill9: async (member) => {
      const child = member.process;
      if (child === undefined) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exited;
    },
    restart: async (member) => {
      if (member.process !== undefined) return;
      launch(member);
      await waitLeader();
    },
    stop: async () => {
      await Promise.all(members.map((m) => cluster.kill9(m)));
      await rm(dir, { recursive: true, force: true });
    },
  };
  try {
    await waitLeader();
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}
