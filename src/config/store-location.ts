// Where the data lives, from `store`, `path`, `keyspace-name` and `[security] cluster-ssl-*`: checked as one.
import { ConfigError } from './config-error.js';
import type { ServerConfig } from './server-config.js';

/** One `host:port` (a name, an IPv4 address or a bracketed IPv6 address). */
const ENDPOINT = String.raw`(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):\d{1,5}`;
const ENDPOINT_LIST = new RegExp(`^${ENDPOINT}(?:,${ENDPOINT})*$`);

/** What `keyspace-name` may be: it becomes one segment of every etcd key. */
export const KEYSPACE_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/** Whether `text` reads as etcd endpoints (`127.0.0.1:2379,127.0.0.1:2381`) rather than a directory. */
export function isEndpointList(text: string): boolean {
  return ENDPOINT_LIST.test(text);
}

/** The store to open. */
export type StoreLocation =
  | { readonly kind: 'lmdb'; readonly directory: string }
  | {
      readonly kind: 'etcd';
      /** `host:port` of each member. */
      readonly endpoints: readonly string[];
      /** '' for the default keyspace. */
      readonly keyspace: string;
      /** cluster-ssl-ca/-cert/-key; '' when unset. */
      readonly tls: { readonly ca: string; readonly cert: string; readonly key: string };
    };

/**
 * Reads the store settings as TiDB does (`store`, with `path` a directory for lmdb and the PD-style endpoint list
 * for etcd). Throws a one-line {@link ConfigError} when `path` does not fit the store, an endpoint's port is out of
 * range, or `keyspace-name` cannot be a key segment. TLS files are checked when the store opens.
 */
export function storeLocation(config: ServerConfig): StoreLocation {
  const path = config.path;
  if (config.store === 'lmdb') {
    if (path === '') throw new ConfigError('path is empty: set it to the data directory');
    if (isEndpointList(path)) {
      throw new ConfigError(
        `path "${path}" is a list of etcd endpoints: set store = "etcd" to use them, or give a directory`,
      );
    }
    return { kind: 'lmdb', directory: path };
  }
  if (!isEndpointList(path)) {
    throw new ConfigError(`store = "etcd" needs path = the etcd endpoints (host:port[,host:port…]), got "${path}"`);
  }
  const endpoints = path.split(',');
  for (const endpoint of endpoints) {
    const port = Number(endpoint.slice(endpoint.lastIndexOf(':') + 1));
    if (port < 1 || port > 65535)
      throw new ConfigError(`path: etcd endpoint "${endpoint}" has no valid port (1 to 65535)`);
  }
  const keyspace = config.keyspaceName;
  if (keyspace !== '' && !KEYSPACE_NAME_PATTERN.test(keyspace)) {
    throw new ConfigError(`keyspace-name "${keyspace}" must be 1 to 64 letters, digits, '_', '-' or '.'`);
  }
  const { clusterSslCa: ca, clusterSslCert: cert, clusterSslKey: key } = config.security;
  return { kind: 'etcd', endpoints, keyspace, tls: { ca, cert, key } };
}
