// Writes the mysql_ssl_rsa_setup file set (CA, server and client certificates and keys, RSA key pair) into a directory.
import { constants } from 'node:fs';
import { access, lstat, mkdir, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createCertificateSet } from './certificate-authority.js';
import { fsErrorReason } from './fs-error-reason.js';
import { generateRsaKeyPair } from './rsa-key-pair.js';
import { SSL_FILE_MODES, SSL_FILE_NAMES, SSL_FILE_SETS, isPrivateKeyFile } from './ssl-file-names.js';
import type { SslFileName, SslFileRole } from './ssl-file-names.js';
import { SslSetupError } from './ssl-setup-error.js';
import { writeFileAtomically } from './write-file-atomically.js';

/** RSA key sizes accepted, in bits; 2048 is MySQL's size for its auto-generated files and NIST's floor until 2030. */
export const RSA_KEY_SIZE = { min: 2048, max: 16384, default: 2048 } as const;

/** Mode of a directory generateSslFiles creates: the owner writes, the group may read, as a MySQL datadir. */
const CREATED_DIRECTORY_MODE = 0o750;

/** Options of {@link generateSslFiles}. */
export interface GenerateSslFilesOptions {
  /** Directory to check and write; created (with parents) when missing. */
  readonly datadir: string;
  /** Replace every file, even those present. */
  readonly force?: boolean;
  /** RSA modulus length for all four key pairs; {@link RSA_KEY_SIZE}.default when absent. */
  readonly rsaKeySize?: number;
  /** Extra SAN of the server certificate; `os.hostname()` when absent. */
  readonly hostName?: string;
  /** Start of certificate validity (tests); now when absent. */
  readonly now?: Date;
}

/**
 * What happened to one file: `written` (it did not exist), `replaced` (it existed and was overwritten), `kept`
 * (it existed and was left alone), `missing` (it does not exist and was not created, because other files of its
 * set exist: see {@link SslSetupSummary.notes}).
 */
export type SslFileAction = 'written' | 'replaced' | 'kept' | 'missing';

/** One file's outcome. */
export interface SslFileOutcome {
  readonly role: SslFileRole;
  readonly name: SslFileName;
  /** Absolute path. */
  readonly path: string;
  readonly action: SslFileAction;
}

/** The outcome of {@link generateSslFiles}. */
export interface SslSetupSummary {
  /** Absolute path of the directory. */
  readonly datadir: string;
  readonly isDirectoryCreated: boolean;
  /** All eight files, in SSL_FILE_SETS order. */
  readonly files: readonly SslFileOutcome[];
  /** One line per set left incomplete, saying what is missing and why nothing was created. */
  readonly notes: readonly string[];
}

/**
 * Creates the certificate and key files TiDB's "Use Encrypted Connections" guide and MySQL's mysql_ssl_rsa_setup
 * produce. Like mysql_ssl_rsa_setup, each set is all-or-nothing: if any of ca.pem, server-cert.pem, server-key.pem
 * exists, no SSL file is created; if any of private_key.pem, public_key.pem exists, no RSA file is created; the
 * summary notes a set left incomplete. With `force`, all eight files are replaced. Private keys get mode 0600,
 * the rest 0644. Throws {@link SslSetupError} (one line) for a bad key size or an unusable directory.
 */
export async function generateSslFiles(options: GenerateSslFilesOptions): Promise<SslSetupSummary> {
  const rsaKeySize = options.rsaKeySize ?? RSA_KEY_SIZE.default;
  checkRsaKeySize(rsaKeySize);
  const datadir = resolve(options.datadir);
  const isDirectoryCreated = await prepareDirectory(datadir);
  const present = await presentFiles(datadir);
  const notes: string[] = [];
  const toWrite = new Set<SslFileRole>();
  for (const set of SSL_FILE_SETS) {
    const existingTriggers = set.triggers.filter((role) => present.has(role));
    if (options.force === true || existingTriggers.length === 0) {
      for (const role of set.files) toWrite.add(role);
      continue;
    }
    const missing = set.files.filter((role) => !present.has(role));
    if (missing.length > 0) {
      notes.push(
        `${set.name} files incomplete: ${names(existingTriggers)} ${existingTriggers.length === 1 ? 'exists' : 'exist'} but ` +
          `${names(missing)} ${missing.length === 1 ? 'is' : 'are'} missing; like mysql_ssl_rsa_setup, no ${set.name} file was ` +
          'created (use force to replace the whole set)',
      );
    }
  }

  const contents = await generateContents(toWrite, rsaKeySize, options);
  const files: SslFileOutcome[] = [];
  for (const set of SSL_FILE_SETS) {
    for (const role of set.files) {
      const name = SSL_FILE_NAMES[role];
      const path = join(datadir, name);
      const content = contents.get(role);
      if (content === undefined) {
        files.push({ role, name, path, action: present.has(role) ? 'kept' : 'missing' });
        continue;
      }
      const mode = isPrivateKeyFile(role) ? SSL_FILE_MODES.privateKey : SSL_FILE_MODES.publicMaterial;
      try {
        await writeFileAtomically(path, content, mode);
      } catch (error) {
        throw new SslSetupError(`cannot write ${path}: ${fsErrorReason(error)}`, { cause: error });
      }
      files.push({ role, name, path, action: present.has(role) ? 'replaced' : 'written' });
    }
  }
  return { datadir, isDirectoryCreated, files, notes };
}

function checkRsaKeySize(bits: number): void {
  if (!Number.isSafeInteger(bits) || bits < RSA_KEY_SIZE.min || bits > RSA_KEY_SIZE.max) {
    throw new SslSetupError(
      `RSA key size must be an integer from ${RSA_KEY_SIZE.min} to ${RSA_KEY_SIZE.max} bits, got ${String(bits)}`,
    );
  }
}

function names(roles: readonly SslFileRole[]): string {
  return roles.map((role) => SSL_FILE_NAMES[role]).join(', ');
}

/** Creates `datadir` if needed and checks it can be written; returns whether it was created. */
async function prepareDirectory(datadir: string): Promise<boolean> {
  let isCreated = false;
  try {
    const stats = await stat(datadir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (stats === undefined) {
      await makeDirectories(datadir);
      isCreated = true;
    } else if (!stats.isDirectory()) {
      throw new SslSetupError(`${datadir} is not a directory`);
    }
  } catch (error) {
    if (error instanceof SslSetupError) throw error;
    throw new SslSetupError(`cannot create directory ${datadir}: ${fsErrorReason(error)}`, { cause: error });
  }
  try {
    await access(datadir, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new SslSetupError(`directory ${datadir} is not writable: ${fsErrorReason(error)}`, { cause: error });
  }
  return isCreated;
}

/**
 * Creates `path` and its missing parents, one level at a time. Not `mkdir({ recursive: true })`: libuv's version
 * spins forever when mkdir answers ENOENT under an existing parent (e.g. /proc/x).
 */
async function makeDirectories(path: string): Promise<void> {
  const missing: string[] = [];
  for (let current = path; ; current = dirname(current)) {
    const exists = await stat(current).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    if (exists) break;
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const directory of missing) {
    await mkdir(directory, { mode: CREATED_DIRECTORY_MODE }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

/** The roles whose file exists (as anything: a directory named ca.pem counts, and makes writing it fail loudly). */
async function presentFiles(datadir: string): Promise<Set<SslFileRole>> {
  const present = new Set<SslFileRole>();
  for (const role of Object.keys(SSL_FILE_NAMES) as SslFileRole[]) {
    try {
      await lstat(join(datadir, SSL_FILE_NAMES[role]));
      present.add(role);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new SslSetupError(`cannot check ${join(datadir, SSL_FILE_NAMES[role])}: ${fsErrorReason(error)}`, {
          cause: error,
        });
      }
    }
  }
  return present;
}

/** Generates the PEM text of every role in `roles` (certificates and keys of a set are generated together). */
async function generateContents(
  roles: ReadonlySet<SslFileRole>,
  rsaKeySize: number,
  options: GenerateSslFilesOptions,
): Promise<Map<SslFileRole, string>> {
  const contents = new Map<SslFileRole, string>();
  const [certificates, rsaPair] = await Promise.all([
    roles.has('caCert')
      ? createCertificateSet({
          rsaKeySize,
          hostName: options.hostName ?? hostname(),
          ...(options.now ? { now: options.now } : {}),
        })
      : undefined,
    roles.has('rsaPrivateKey') ? generateRsaKeyPair(rsaKeySize) : undefined,
  ]);
  if (certificates !== undefined) {
    contents.set('caKey', certificates.ca.key.privateKeyPem);
    contents.set('caCert', certificates.ca.certificatePem);
    contents.set('serverCert', certificates.server.certificatePem);
    contents.set('serverKey', certificates.server.key.privateKeyPem);
    contents.set('clientCert', certificates.client.certificatePem);
    contents.set('clientKey', certificates.client.key.privateKeyPem);
  }
  if (rsaPair !== undefined) {
    contents.set('rsaPrivateKey', rsaPair.privateKeyPem);
    contents.set('rsaPublicKey', rsaPair.publicKeyPem);
  }
  return contents;
}
