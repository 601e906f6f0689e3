// TlsManager: the server's TLS material over time: loaded at start, swapped by ALTER INSTANCE RELOAD TLS or a file change.
import { expiryWarning, materialExpiryWarnings } from '../certificates/index.js';
import { mysqlError, ER_DA_SSL_LIBRARY_ERROR } from '../errors/index.js';
import type { MySqlError } from '../errors/index.js';
import type { Logger } from '../logging/index.js';
import { loadServerTlsContext } from '../protocol/tls/index.js';
import type { ServerTlsContext, TlsPolicy } from '../protocol/tls/index.js';
import type { InstanceControl } from '../session/instance-control.js';
import { WatchedFiles } from './watched-files.js';

/** Where the material lives and how to build a context from it. */
export interface TlsSources {
  readonly cert: string;
  readonly key: string;
  readonly ca: string;
  readonly crl: string;
  readonly altCert: string;
  readonly altKey: string;
  readonly keyPassword: string;
  readonly keyPasswordFile: string;
  readonly policy: TlsPolicy;
  readonly verifyDepth: number;
  /** Session ticket keys shared by every worker of the server (max-procs > 1); absent for the context's own. */
  readonly ticketKeys?: Buffer | undefined;
}

/** Options of {@link TlsManager}. */
export interface TlsManagerOptions {
  readonly sources: TlsSources;
  readonly logger: Logger;
  /** Whether require_secure_transport is ON now: then NO ROLLBACK ON ERROR may not switch TLS off (as TiDB). */
  readonly isSecureTransportRequired: () => boolean;
  /** Quiet time after the last file event before the files are read, so a burst of writes counts once. */
  readonly settleMs?: number;
  /** How often the certificates in force are checked for (coming) expiry (ssl-expiry-check-interval); daily by default. */
  readonly expiryCheckIntervalMs?: number;
}

/** Once a day, as the log warnings promise. */
const DEFAULT_EXPIRY_CHECK_MS = 86_400_000;

/** Labels of the configured files, for "what changed" in the log. */
type FileRole = 'cert' | 'key' | 'ca' | 'crl' | 'altCert' | 'altKey';

/**
 * Holds the ServerTlsContext new connections use. A new context is always built completely (files read, validated,
 * OpenSSL context created) before it replaces the old one, so a connection never sees a half-loaded state, and a
 * file caught half-written fails validation and leaves the old material in place. Connections already upgraded keep
 * the context they were accepted with.
 */
export class TlsManager implements InstanceControl {
  #context: ServerTlsContext | undefined;
  #digests = new Map<FileRole, string>();
  readonly #files: WatchedFiles<FileRole>;
  #expiryTimer: NodeJS.Timeout | undefined;
  readonly #options: TlsManagerOptions;

  constructor(options: TlsManagerOptions) {
    this.#options = options;
    const { cert, key, ca, crl, altCert, altKey } = options.sources;
    this.#files = new WatchedFiles({ cert, key, ca, crl, altCert, altKey }, options.logger, options.settleMs);
  }

  /** The files and policy it loads from (the ssl_* variables show these paths). */
  get sources(): TlsSources {
    return this.#options.sources;
  }

  /** The context for new connections, or undefined when TLS is off. */
  get current(): ServerTlsContext | undefined {
    return this.#context;
  }

  /** Whether any certificate or key is configured (otherwise TLS stays off and nothing is watched). */
  get isConfigured(): boolean {
    const { cert, key } = this.#options.sources;
    return cert !== '' || key !== '';
  }

  /** Loads the material at start; a problem leaves TLS off with the reason logged, as TiDB does. */
  start(): void {
    const { logger, sources } = this.#options;
    if (!this.isConfigured) {
      logger.warn('Secure connection is NOT ENABLED: no ssl-cert and ssl-key configured');
      return;
    }
    const loaded = this.#load();
    const files = { sslCert: sources.cert, sslKey: sources.key, sslCa: sources.ca, sslCrl: sources.crl };
    if (!loaded.ok) {
      logger.warn(`Secure connection is NOT ENABLED: ${loaded.reason}`, files);
      return;
    }
    this.#install(loaded.context, loaded.digests);
    for (const warning of loaded.context.warnings) logger.warn(warning, files);
    logger.info('Secure connection is enabled', {
      ...files,
      notAfter: loaded.context.notAfter.toISOString(),
      fingerprint256: loaded.context.certificate.fingerprint256,
      ...(loaded.context.altCertificate
        ? { sslAltCert: sources.altCert, altFingerprint256: loaded.context.altCertificate.fingerprint256, keyTypes: [loaded.context.certificate.keyType, loaded.context.altCertificate.keyType] }
        : {}),
      tlsVersion: loaded.context.tlsVersion,
      isKeyEncrypted: loaded.context.isKeyEncrypted,
      clientCertificates: sources.ca ? 'verified against ssl-ca when presented' : 'not requested',
    });
  }

  /** {@inheritDoc InstanceControl.reloadTls} */
  reloadTls(noRollbackOnError: boolean): readonly MySqlError[] {
    const { logger } = this.#options;
    if (!this.isConfigured) {
      // TiDB: nothing configured loads nothing, and TLS stays as it is (off).
      logger.info('ALTER INSTANCE RELOAD TLS: no ssl-cert and ssl-key configured; TLS stays off');
      return [];
    }
    const loaded = this.#load();
    if (loaded.ok) {
      this.#swap(loaded.context, loaded.digests, 'ALTER INSTANCE RELOAD TLS');
      return [];
    }
    const error = mysqlError(ER_DA_SSL_LIBRARY_ERROR, loaded.reason);
    if (!noRollbackOnError || this.#options.isSecureTransportRequired()) {
      logger.warn('ALTER INSTANCE RELOAD TLS failed; keeping the current TLS material', { reason: loaded.reason });
      throw error;
    }
    this.#context = undefined;
    this.#digests = new Map();
    logger.warn('ALTER INSTANCE RELOAD TLS failed with NO ROLLBACK ON ERROR: TLS is now OFF for new connections', {
      reason: loaded.reason,
    });
    return [error];
  }

  /**
   * Watches the folders of the configured files and reloads when their contents change (rename-into-place, in-place
   * writes and symlink swaps as Kubernetes does all show up as folder events). Events are settled for `settleMs`,
   * then the files are read; unchanged contents do nothing, invalid contents are logged once and ignored.
   * `isSharedFolder` (the data directory, which auto-tls writes to and every commit changes) reacts only to events
   * that name one of the TLS files, so a busy folder does not make the files be read again and again.
   */
  watch(options: { readonly isSharedFolder?: boolean } = {}): void {
    if (!this.isConfigured) return;
    this.#files.watchForReload(
      {
        inForce: () => (this.#context === undefined ? undefined : this.#digests),
        reload: () => {
          const loaded = this.#load();
          if (!loaded.ok) return loaded.reason;
          this.#swap(loaded.context, loaded.digests, 'file change');
          return undefined;
        },
        onRefused: (reason) =>
          this.#options.logger.warn('TLS files changed but are not usable; keeping the current TLS material', { reason }),
      },
      options,
    );
  }

  /**
   * Logs, every `expiryCheckIntervalMs` (daily), a warning for each certificate in force (server, CA) that has
   * expired or expires within 30 days, and a debug line that the check ran; the same warnings appear at start and
   * after each reload.
   */
  startExpiryChecks(): void {
    this.#expiryTimer = setInterval(() => this.checkExpiry(), this.#options.expiryCheckIntervalMs ?? DEFAULT_EXPIRY_CHECK_MS);
    this.#expiryTimer.unref();
  }

  /** One expiry check now; returns the lines it logged. */
  checkExpiry(now: Date = new Date()): string[] {
    const context = this.#context;
    if (context === undefined) return [];
    const warnings = materialExpiryWarnings(
      { cert: context.sslCert, ca: context.sslCa },
      context.certificate,
      context.caCertificates,
      now,
    );
    if (context.altCertificate !== undefined) {
      const alt = expiryWarning(`certificate ${context.sslAltCert}`, context.altCertificate, now, 'clients that verify it will refuse to connect');
      if (alt !== undefined) warnings.push(alt);
    }
    for (const warning of warnings) this.#options.logger.warn(warning, { check: 'periodic certificate expiry check' });
    this.#options.logger.debug('certificate expiry check', {
      certificates: 1 + (context.altCertificate === undefined ? 0 : 1) + context.caCertificates.length,
      warnings: warnings.length,
    });
    return warnings;
  }

  /** Stops watching and checking. */
  close(): void {
    clearInterval(this.#expiryTimer);
    this.#files.close();
  }

  #swap(context: ServerTlsContext, digests: Map<FileRole, string>, trigger: string): void {
    const previous = this.#context;
    const changed = this.#files.changedRoles(digests, this.#digests);
    this.#install(context, digests);
    const { logger } = this.#options;
    logger.info('TLS material reloaded', {
      trigger,
      changed: changed.map((role) => this.#options.sources[role]),
      fingerprint256: context.certificate.fingerprint256,
      previousFingerprint256: previous?.certificate.fingerprint256,
      ...(context.altCertificate ? { altFingerprint256: context.altCertificate.fingerprint256 } : {}),
      subject: context.certificate.subject,
      notAfter: context.notAfter.toISOString(),
    });
    for (const warning of context.warnings) logger.warn(warning);
  }

  #install(context: ServerTlsContext, digests: Map<FileRole, string>): void {
    this.#context = context;
    this.#digests = digests;
  }

  /** Reads digests first, then loads: if a file changes in between, the next event finds the digests differ. */
  #load(): { ok: true; context: ServerTlsContext; digests: Map<FileRole, string> } | { ok: false; reason: string } {
    const digests = this.#files.readDigests();
    const { sources } = this.#options;
    const loaded = loadServerTlsContext({
      cert: sources.cert,
      key: sources.key,
      ca: sources.ca,
      crl: sources.crl,
      altCert: sources.altCert,
      altKey: sources.altKey,
      keyPassword: sources.keyPassword,
      keyPasswordFile: sources.keyPasswordFile,
      policy: sources.policy,
      verifyDepth: sources.verifyDepth,
      ticketKeys: sources.ticketKeys,
    });
    return loaded.ok ? { ok: true, context: loaded.context, digests } : loaded;
  }
}
