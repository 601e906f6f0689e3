// ServerFacts: what the running server tells the variable registry about itself (version, port, TLS files, ...).

/**
 * Facts about the running server that read-only variables report (`@@version`, `@@port`, `@@have_ssl`, `@@ssl_cert`).
 * The server passes a getter, called at every read, so a value that changes at runtime (a TLS reload swapping
 * certificates, or TLS becoming unavailable) shows in the next query without touching any session.
 *
 * `require_secure_transport` is not a fact: in MySQL it is a dynamic GLOBAL variable (SET GLOBAL), so it lives in
 * GlobalVariables, with its start value from the configuration (GlobalVariables' `initialValues`).
 */
export interface ServerFacts {
  /** `@@version`, e.g. `8.0.11-TidalDB-0.1.0`: MySQL's version first, because drivers parse it to pick features. */
  readonly version: string;
  /** `@@version_comment`, e.g. `TidalDB Server (Apache License 2.0)`; the mysql CLI prints it on connect. */
  readonly versionComment: string;
  /** `@@version_compile_machine`, e.g. `x86_64` (see hostPlatform()). */
  readonly versionCompileMachine: string;
  /** `@@version_compile_os`, e.g. `Linux` (see hostPlatform()). */
  readonly versionCompileOs: string;
  /** `@@port`: the TCP port the server listens on (0 when it listens on none). */
  readonly port: number;
  /** `@@bind_address`: the address the listener is bound to, e.g. `*` or `127.0.0.1`. */
  readonly bindAddress: string;
  /** `@@socket`: the Unix socket path, or '' when there is none. */
  readonly socket: string;
  /** `@@hostname`: the machine's host name. */
  readonly hostname: string;
  /** `@@datadir`: the data directory, as MySQL shows it, with a trailing slash. */
  readonly dataDir: string;
  /** `@@basedir`: the installation directory. */
  readonly baseDir: string;
  /** `@@system_time_zone`: the zone the server process runs in, e.g. `UTC`. */
  readonly systemTimeZone: string;
  /** `@@have_ssl` and `@@have_openssl`: YES when a TLS context is loaded and clients may use TLS, else DISABLED. */
  readonly haveSsl: 'YES' | 'DISABLED';
  /** `@@ssl_ca`, `@@ssl_capath`, `@@ssl_cert`, `@@ssl_key`, `@@ssl_crl`, `@@ssl_crlpath`: configured paths, '' if unset. */
  readonly sslCa: string;
  readonly sslCapath: string;
  readonly sslCert: string;
  readonly sslKey: string;
  readonly sslCrl: string;
  readonly sslCrlpath: string;
  /** `@@ssl_cipher`: the configured TLS 1.2 cipher list, '' for the library default. */
  readonly sslCipher: string;
  /** `@@tls_ciphersuites`: the configured TLS 1.3 cipher suites, '' for the library default. */
  readonly tlsCiphersuites: string;
  /** `@@tls_version`: the protocols the server accepts, comma-separated, e.g. `TLSv1.2,TLSv1.3`. */
  readonly tlsVersion: string;
}

/** The names MySQL uses in `@@version_compile_machine` / `@@version_compile_os`, derived from this Node process. */
export interface HostPlatform {
  readonly machine: string;
  readonly os: string;
}

const machineNames: Readonly<Record<string, string>> = { x64: 'x86_64', arm64: 'aarch64', ia32: 'i686' } as const;
const osNames: Readonly<Record<string, string>> = {
  linux: 'Linux',
  darwin: 'macos',
  win32: 'Win64',
  freebsd: 'FreeBSD',
} as const;

/** Maps Node's `process.arch` / `process.platform` to the spelling MySQL builds report (x64 → x86_64, linux → Linux). */
export function hostPlatform(arch: string = process.arch, platform: string = process.platform): HostPlatform {
  return { machine: machineNames[arch] ?? arch, os: osNames[platform] ?? platform };
}
