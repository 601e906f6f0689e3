#!/usr/bin/env node
// tidal-ssl-setup: creates the CA, server and client certificates and keys TidalDB needs for TLS, like mysql_ssl_rsa_setup.
import { parseArgs } from 'node:util';
import { RSA_KEY_SIZE, SSL_FILE_NAMES, SslSetupError, generateSslFiles } from '../certificates/index.js';
import type { SslFileOutcome, SslFileRole, SslSetupSummary } from '../certificates/index.js';
import { packageInfo } from '../config/index.js';

const PROGRAM = 'tidal-ssl-setup';
/** The same default as tidal-server's --path, so the files land in the server's data directory. */
const DEFAULT_DATADIR = './tidal-data';
const EXIT_CODE = { ok: 0, error: 1 } as const;

const OPTIONS = {
  datadir: { type: 'string' },
  force: { type: 'boolean' },
  'rsa-key-size': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

const FILE_DESCRIPTIONS: Readonly<Record<SslFileRole, string>> = {
  caKey: 'CA private key',
  caCert: 'self-signed CA certificate',
  serverCert: 'server certificate',
  serverKey: 'server private key',
  clientCert: 'client certificate',
  clientKey: 'client private key',
  rsaPrivateKey: 'RSA private key (caching_sha2_password)',
  rsaPublicKey: 'RSA public key (caching_sha2_password)',
};

/** A command line we refuse; printed as one line. */
class UsageError extends Error {}

function helpText(): string {
  return `Usage: ${PROGRAM} [--datadir=DIR] [--force] [--rsa-key-size=BITS]

Creates the files TLS connections need, as MySQL's mysql_ssl_rsa_setup does:
  ca.pem, ca-key.pem              a self-signed CA certificate and its key
  server-cert.pem, server-key.pem server certificate (SANs localhost, 127.0.0.1, ::1, this host's name)
  client-cert.pem, client-key.pem a client certificate for --ssl-cert/--ssl-key of MySQL clients
  private_key.pem, public_key.pem RSA key pair for caching_sha2_password over plain connections
Certificates are valid for ten years; private keys are PKCS#8 PEM with mode 0600.

Files that exist are kept. As with mysql_ssl_rsa_setup, if any of ca.pem, server-cert.pem, server-key.pem
exists no SSL file is created, and if private_key.pem or public_key.pem exists no RSA file is created.

Options:
  --datadir=DIR        directory to write (created if missing); default ${DEFAULT_DATADIR}, tidal-server's default --path
  --force              replace all eight files, even those that exist
  --rsa-key-size=BITS  RSA key size, ${RSA_KEY_SIZE.min} to ${RSA_KEY_SIZE.max}; default ${RSA_KEY_SIZE.default}
  -h, --help           show this help
  -V, --version        show the version
`;
}

interface Command {
  readonly kind: 'help' | 'version' | 'setup';
  readonly datadir: string;
  readonly force: boolean;
  readonly rsaKeySize: number | undefined;
}

function parseCommandLine(argv: readonly string[]): Command {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  if (values.help === true) return { kind: 'help', datadir: '', force: false, rsaKeySize: undefined };
  if (values.version === true) return { kind: 'version', datadir: '', force: false, rsaKeySize: undefined };
  const datadir = values.datadir ?? DEFAULT_DATADIR;
  if (datadir === '') throw new UsageError('--datadir needs a directory');
  const size = values['rsa-key-size'];
  if (size !== undefined && !/^\d+$/.test(size))
    throw new UsageError(`--rsa-key-size must be a number of bits, got "${size}"`);
  return {
    kind: 'setup',
    datadir,
    force: values.force === true,
    rsaKeySize: size === undefined ? undefined : Number(size),
  };
}

/** parseArgs' messages are long and suggest `--` tricks; keep the part that names the problem. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted}"`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('does not take an argument')
        ? `option ${quoted} takes no value`
        : `option ${quoted.split(' ')[0] ?? ''} needs a value`;
    default:
      return message.split('\n')[0] ?? message;
  }
}

function report(summary: SslSetupSummary): string {
  const lines = [`${PROGRAM}: ${summary.datadir}${summary.isDirectoryCreated ? ' (created)' : ''}`];
  const width = Math.max(...Object.values(SSL_FILE_NAMES).map((name) => name.length));
  for (const file of summary.files) {
    lines.push(`  ${file.name.padEnd(width)}  ${actionText(file).padEnd(8)}  ${FILE_DESCRIPTIONS[file.role]}`);
  }
  for (const note of summary.notes) lines.push(`note: ${note.replace('use force', 'use --force')}`);
  const path = (role: SslFileRole): string => summary.files.find((file) => file.role === role)?.path ?? '';
  const serverRoles: readonly SslFileRole[] = ['caCert', 'serverCert', 'serverKey'];
  const hasServerFiles = summary.files
    .filter((file) => serverRoles.includes(file.role))
    .every((file) => file.action !== 'missing');
  if (hasServerFiles) {
    lines.push(
      '',
      'Start the server with TLS, verifying client certificates against the CA:',
      `  tidal-server --ssl-cert=${path('serverCert')} --ssl-key=${path('serverKey')} --ssl-ca=${path('caCert')}`,
      'Connect, verifying the server:',
      `  mysql -h 127.0.0.1 -P 4000 -u root --ssl-mode=VERIFY_IDENTITY --ssl-ca=${path('caCert')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function actionText(file: SslFileOutcome): string {
  return file.action === 'missing' ? 'MISSING' : file.action;
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    if (command.kind === 'help') {
      process.stdout.write(helpText());
      return EXIT_CODE.ok;
    }
    if (command.kind === 'version') {
      const { name, version } = packageInfo();
      process.stdout.write(`${PROGRAM} (${name}) ${version}\n`);
      return EXIT_CODE.ok;
    }
    const summary = await generateSslFiles({
      datadir: command.datadir,
      force: command.force,
      ...(command.rsaKeySize === undefined ? {} : { rsaKeySize: command.rsaKeySize }),
    });
    process.stdout.write(report(summary));
    return EXIT_CODE.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${PROGRAM}: ${error.message} (see --help)\n`);
    } else if (error instanceof SslSetupError) {
      process.stderr.write(`${PROGRAM}: ${error.message}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${PROGRAM}: unexpected error: ${message.split('\n')[0] ?? message}\n`);
    }
    return EXIT_CODE.error;
  }
}

process.exitCode = await main(process.argv.slice(2));
