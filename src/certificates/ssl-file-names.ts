// The eight files of a TidalDB certificate directory: the names mysql_ssl_rsa_setup and TiDB's guide use, and modes.

/**
 * The files `tidal-ssl-setup` writes, named as MySQL's mysql_ssl_rsa_setup names them.
 * See https://dev.mysql.com/doc/refman/8.0/en/mysql-ssl-rsa-setup.html.
 */
export const SSL_FILE_NAMES = {
  caKey: 'ca-key.pem',
  caCert: 'ca.pem',
  serverCert: 'server-cert.pem',
  serverKey: 'server-key.pem',
  clientCert: 'client-cert.pem',
  clientKey: 'client-key.pem',
  rsaPrivateKey: 'private_key.pem',
  rsaPublicKey: 'public_key.pem',
} as const;

/** One of the eight file names. */
export type SslFileName = (typeof SSL_FILE_NAMES)[keyof typeof SSL_FILE_NAMES];

/** Which key of {@link SSL_FILE_NAMES} a file is. */
export type SslFileRole = keyof typeof SSL_FILE_NAMES;

/** File modes: private keys readable by the owner only, certificates and the public key by anyone. */
export const SSL_FILE_MODES = {
  privateKey: 0o600,
  publicMaterial: 0o644,
} as const;

/**
 * The two sets mysql_ssl_rsa_setup handles independently. `triggers` are the files whose presence makes it create
 * nothing of that set ("If any of those files are present, mysql_ssl_rsa_setup creates no SSL files"); `files` are
 * all the files of the set, in the order they are reported.
 */
export const SSL_FILE_SETS = [
  {
    name: 'SSL',
    triggers: ['caCert', 'serverCert', 'serverKey'],
    files: ['caKey', 'caCert', 'serverCert', 'serverKey', 'clientCert', 'clientKey'],
  },
  {
    name: 'RSA',
    triggers: ['rsaPrivateKey', 'rsaPublicKey'],
    files: ['rsaPrivateKey', 'rsaPublicKey'],
  },
] as const satisfies ReadonlyArray<{ name: string; triggers: readonly SslFileRole[]; files: readonly SslFileRole[] }>;

/** Whether a file holds a private key (and so gets mode 0600). */
export function isPrivateKeyFile(role: SslFileRole): boolean {
  return role === 'caKey' || role === 'serverKey' || role === 'clientKey' || role === 'rsaPrivateKey';
}
