// Hands the cluster TLS credentials in force to gRPC, which reads them for each new connection to an etcd member.
import { experimental } from '@grpc/grpc-js';
import type { ChannelCredentials } from '@grpc/grpc-js';
import type { ClusterCredentials } from './cluster-tls.js';

type CaListener = experimental.CaCertificateUpdateListener;
type IdentityListener = experimental.IdentityCertificateUpdateListener;

/**
 * A gRPC certificate provider whose certificates can be replaced while channels are open: every TLS handshake
 * gRPC starts after {@link update} uses the new set, connections already up keep the one they were made with (as
 * grpc-go's reloading credentials in TiDB's PD and TiKV clients do).
 */
export class ClusterCredentialsProvider implements experimental.CertificateProvider {
  readonly #caListeners = new Set<CaListener>();
  readonly #identityListeners = new Set<IdentityListener>();
  #credentials: ClusterCredentials;

  constructor(credentials: ClusterCredentials) {
    this.#credentials = credentials;
  }

  /** Channel credentials for etcd3's channels that read this provider at each handshake. */
  channelCredentials(): ChannelCredentials {
    const hasIdentity = this.#credentials.certChain !== undefined;
    return experimental.createCertificateProviderChannelCredentials(this, hasIdentity ? this : null);
  }

  /** The credentials new connections present. */
  get current(): ClusterCredentials {
    return this.#credentials;
  }

  /** Replaces the credentials for new connections; the caller has validated them. */
  update(credentials: ClusterCredentials): void {
    this.#credentials = credentials;
    for (const listener of this.#caListeners) listener(this.#caUpdate());
    for (const listener of this.#identityListeners) listener(this.#identityUpdate());
  }

  addCaCertificateListener(listener: CaListener): void {
    this.#caListeners.add(listener);
    listener(this.#caUpdate());
  }

  removeCaCertificateListener(listener: CaListener): void {
    this.#caListeners.delete(listener);
  }

  addIdentityCertificateListener(listener: IdentityListener): void {
    this.#identityListeners.add(listener);
    listener(this.#identityUpdate());
  }

  removeIdentityCertificateListener(listener: IdentityListener): void {
    this.#identityListeners.delete(listener);
  }

  #caUpdate(): experimental.CaCertificateUpdate {
    return { caCertificate: this.#credentials.rootCertificate };
  }

  #identityUpdate(): experimental.IdentityCertificateUpdate | null {
    const { certChain, privateKey } = this.#credentials;
    return certChain === undefined || privateKey === undefined ? null : { certificate: certChain, privateKey };
  }
}
