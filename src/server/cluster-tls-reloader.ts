// ClusterTlsReloader: keeps [security] cluster-ssl-ca/-cert/-key current for the etcd link and the status port,
// swapped on a file change or ALTER INSTANCE RELOAD TLS once the new set has been validated.
import { createSecureContext } from 'node:tls';
import { ER_DA_SSL_LIBRARY_ERROR, mysqlError } from '../errors/index.js';
import type { MySqlError } from '../errors/index.js';
import type { Logger } from '../logging/index.js';
import type { InstanceControl } from '../session/instance-control.js';
import { EtcdEngine, clusterExpiryWarnings, loadClusterTls as loadEtcdCredentials } from '../storage/index.js';
import type { ClusterCredentials, EtcdClusterConnection } from '../storage/index.js';
import type { KvEngine } from '../storage/kv.js';
import { loadClusterTls as loadStatusTls } from './status/cluster-tls.js';
import type { ClusterTls, ClusterTlsSettings } from './status/cluster-tls.js';
import type { ServerObservability } from './status/server-observability.js';
import { WatchedFiles } from './watched-files.js';
import type { FileDigests } from './watched-files.js';

type ClusterFileRole = 'ca' | 'cert' | 'key';

/** A validated set of the three files: what the etcd client and the status port each need. */
interface ClusterTlsSet {
  readonly credentials: ClusterCredentials;
  readonly status: ClusterTls | undefined;
  readonly digests: FileDigests<ClusterFileRole>;
}

/** What a reload changes. */
export interface ClusterTlsReloaderOptions {
  readonly settings: ClusterTlsSettings;
  /** The store; when it is etcd, its connection takes the new credentials. */
  readonly engine: KvEngine;
  /** Its status port (HTTPS with these files) and not-after gauge take the new certificates. */
  readonly observability: ServerObservability;
  readonly logger: Logger;
  /** Quiet time after the last file event before the files are read (the client-facing watch's default). */
  readonly settleMs?: number;
}

/** Once a day by default, as for the client-facing certificates (ssl-expiry-check-interval). */
const DEFAULT_EXPIRY_CHECK_MS = 86_400_000;

/**
 * Holds the cluster TLS set in force. As for the client-facing certificates (TlsManager), a new set is read and
 * validated completely (certificate and key match, CA readable, status port context buildable) before anything uses
 * it; a bad set leaves the old one in force and is logged once. The etcd connection then presents the new certificate
 * on every connection it opens from then on, without dropping its lease, watches or locks; the status port serves
 * it to new clients. Connections already open keep the certificate they were made with.
 */
export class ClusterTlsReloader {
  #digests: FileDigests<ClusterFileRole>;
  #credentials: ClusterCredentials | undefined;
  #expiryTimer: NodeJS.Timeout | undefined;
  readonly #files: WatchedFiles<ClusterFileRole>;
  readonly #connection: EtcdClusterConnection | undefined;

  private constructor(private readonly options: ClusterTlsReloaderOptions) {
    const { clusterSslCa: ca, clusterSslCert: cert, clusterSslKey: key } = options.settings;
    this.#files = new WatchedFiles<ClusterFileRole>({ ca, cert, key }, options.logger, options.settleMs);
    // The store and the status port loaded the files at start; the digests taken now stand for what they loaded.
    this.#digests = this.#files.readDigests();
    this.#connection =
      options.engine instanceof EtcdEngine && options.engine.connection.isTls ? options.engine.connection : undefined;
    // The etcd connection holds what it loaded; a status port alone is described by the files as they are now.
    const loaded = this.#connection?.credentials === undefined ? this.#load(this.#digests) : undefined;
    this.#credentials = this.#connection?.credentials ?? (loaded?.ok === true ? loaded.set.credentials : undefined);
  }

  /** A reloader when cluster-ssl-* is configured and something uses it (etcd over TLS, HTTPS status port). */
  static create(options: ClusterTlsReloaderOptions): ClusterTlsReloader | undefined {
    const reloader = new ClusterTlsReloader(options);
    return reloader.#connection === undefined && !options.observability.isClusterTls ? undefined : reloader;
  }

  /** Reloads when the files' contents change; unchanged contents do nothing. */
  watch(): void {
    this.#files.watchForReload({
      inForce: () => this.#digests,
      reload: (digests) => {
        const loaded = this.#load(digests);
        if (!loaded.ok) return loaded.reason;
        this.#install(loaded.set, 'file change');
        return undefined;
      },
      onRefused: (reason) =>
        this.options.logger.error(
          'cluster TLS files changed but are not usable; keeping the current cluster TLS material',
          { reason },
        ),
    });
  }

  /**
   * Reads and validates the files and puts them in force; returns why the set was refused (the old one stays), or
   * undefined when it is in force. `trigger` names the cause in the log.
   */
  reload(trigger: string): string | undefined {
    const digests = this.#files.readDigests();
    const loaded = this.#load(digests);
    if (!loaded.ok) {
      this.options.logger.error('cluster TLS files are not usable; keeping the current cluster TLS material', {
        trigger,
        reason: loaded.reason,
      });
      return loaded.reason;
    }
    this.#install(loaded.set, trigger);
    return undefined;
  }

  /** ALTER INSTANCE RELOAD TLS as TiDB: the client-facing material, then the cluster's (a refusal is a warning). */
  withInstanceControl(local: InstanceControl): InstanceControl {
    return {
      reloadTls: (noRollbackOnError): readonly MySqlError[] => {
        const warnings = local.reloadTls(noRollbackOnError);
        const problem = this.reload('ALTER INSTANCE RELOAD TLS');
        return problem === undefined
          ? warnings
          : [...warnings, mysqlError(ER_DA_SSL_LIBRARY_ERROR, `cluster TLS: ${problem}`)];
      },
    };
  }

  /**
   * Logs, every `intervalMs`, a warning for each cluster certificate in force (client, CA) that has expired or
   * expires within 30 days, as the client-facing check does; a reload logs them for the new set at once.
   */
  startExpiryChecks(intervalMs = DEFAULT_EXPIRY_CHECK_MS): void {
    this.#expiryTimer = setInterval(() => this.checkExpiry(), intervalMs);
    this.#expiryTimer.unref();
  }

  /** One expiry check of the set in force now; returns the lines it logged. */
  checkExpiry(now: Date = new Date()): string[] {
    if (this.#credentials === undefined) return [];
    const warnings = clusterExpiryWarnings(this.#credentials, this.#paths(), now);
    for (const warning of warnings) this.options.logger.warn(warning, { check: 'periodic certificate expiry check' });
    return warnings;
  }

  /** Stops watching and checking. */
  close(): void {
    clearInterval(this.#expiryTimer);
    this.#files.close();
  }

  #load(digests: FileDigests<ClusterFileRole>): { ok: true; set: ClusterTlsSet } | { ok: false; reason: string } {
    try {
      const credentials = loadEtcdCredentials(this.#paths());
      if (credentials === undefined) return { ok: false, reason: 'no cluster-ssl-* file is set' };
      const status = this.options.observability.isClusterTls ? loadStatusTls(this.options.settings) : undefined;
      // Built once here so that the status port's swap cannot fail later, in the middle of putting the set in force.
      if (status !== undefined) createSecureContext({ ca: status.ca, cert: status.cert, key: status.key });
      return { ok: true, set: { credentials, status, digests } };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  #install(set: ClusterTlsSet, trigger: string): void {
    const { logger, observability } = this.options;
    const changed = this.#files.changedRoles(set.digests, this.#digests).map((role) => this.#files.path(role));
    const previous = this.#credentials?.certificate;
    this.#connection?.useCredentials(set.credentials);
    if (set.status !== undefined) observability.useClusterTls(set.status);
    this.#digests = set.digests;
    this.#credentials = set.credentials;
    const certificate = set.credentials.certificate;
    logger.info('cluster TLS material reloaded', {
      trigger,
      changed,
      ...(certificate && {
        subject: certificate.subject,
        serialNumber: certificate.serialNumber,
        fingerprint256: certificate.fingerprint256,
        notAfter: certificate.notAfter.toISOString(),
      }),
      previousSerialNumber: previous?.serialNumber,
      etcd: this.#connection === undefined ? 'not used' : 'new connections present the new certificate',
      statusPort: set.status === undefined ? 'not HTTPS' : 'new connections get the new certificate',
    });
    for (const warning of set.credentials.warnings) logger.warn(warning);
  }

  #paths(): { ca: string; cert: string; key: string } {
    return { ca: this.#files.path('ca'), cert: this.#files.path('cert'), key: this.#files.path('key') };
  }
}
