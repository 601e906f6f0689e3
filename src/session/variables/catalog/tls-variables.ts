// TLS variables: have_ssl, ssl_*, tls_* read from the server's live TLS state, and require_secure_transport.
import { ER_NO_SECURE_TRANSPORTS_CONFIGURED, mysqlError } from '../../../errors/index.js';
import { normalizeByType } from '../normalize-value.js';
import type { SystemVariableDefinition } from '../system-variable.js';
import { boolVar, factVar } from './define-variable.js';

const requireSecureTransport: SystemVariableDefinition = boolVar('require_secure_transport', 'global', false, {
  // MySQL refuses ON while no secure transport exists, since it would lock every client out.
  normalize: (input, context) => {
    const value = normalizeByType(requireSecureTransport, input, context);
    if (value === 1n && context.server.haveSsl !== 'YES') throw mysqlError(ER_NO_SECURE_TRANSPORTS_CONFIGURED);
    return value;
  },
});

/**
 * The TLS family. Paths and protocols are facts of the live TLS context (a reload shows at the next query); MySQL's
 * own ssl_* are dynamic only as input to ALTER INSTANCE RELOAD TLS, which the server owns, so here they are read-only.
 * See https://dev.mysql.com/doc/refman/8.0/en/using-encrypted-connections.html.
 */
export const tlsVariables: readonly SystemVariableDefinition[] = [
  factVar('have_ssl', 'string', (facts) => facts.haveSsl),
  factVar('have_openssl', 'string', (facts) => facts.haveSsl),
  factVar('ssl_ca', 'string', (facts) => facts.sslCa),
  factVar('ssl_capath', 'string', (facts) => facts.sslCapath),
  factVar('ssl_cert', 'string', (facts) => facts.sslCert),
  factVar('ssl_cipher', 'string', (facts) => facts.sslCipher),
  factVar('ssl_crl', 'string', (facts) => facts.sslCrl),
  factVar('ssl_crlpath', 'string', (facts) => facts.sslCrlpath),
  factVar('ssl_key', 'string', (facts) => facts.sslKey),
  factVar('tls_ciphersuites', 'string', (facts) => facts.tlsCiphersuites),
  factVar('tls_version', 'string', (facts) => facts.tlsVersion),
  requireSecureTransport,
];
