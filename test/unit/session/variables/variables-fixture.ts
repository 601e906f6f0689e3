// Test fixtures: mutable server facts, a warning collector, and a fresh globals + session pair.
import type { MySqlError } from '../../../../src/errors/index.js';
import { GlobalVariables, SessionVariables } from '../../../../src/session/variables/index.js';
import type { ServerFacts, SetValue, WarningCollector } from '../../../../src/session/variables/index.js';

/** Facts a test may change between reads, as a TLS reload would. */
export function makeFacts(overrides: Partial<ServerFacts> = {}): {
  -readonly [K in keyof ServerFacts]: ServerFacts[K];
} {
  return {
    version: '8.0.11-TidalDB-0.1.0',
    versionComment: 'TidalDB Server (Apache License 2.0)',
    versionCompileMachine: 'x86_64',
    versionCompileOs: 'Linux',
    port: 4000,
    bindAddress: '*',
    socket: '',
    hostname: 'db1',
    dataDir: '/var/lib/tidaldb/',
    baseDir: '/usr/lib/tidaldb/',
    systemTimeZone: 'UTC',
    haveSsl: 'YES',
    sslCa: 'certs/ca.pem',
    sslCapath: '',
    sslCert: 'certs/server-cert.pem',
    sslKey: 'certs/server-key.pem',
    sslCrl: '',
    sslCrlpath: '',
    sslCipher: '',
    tlsCiphersuites: '',
    tlsVersion: 'TLSv1.2,TLSv1.3',
    ...overrides,
  };
}

/** Collects warnings for assertions. */
export class CollectedWarnings implements WarningCollector {
  readonly list: MySqlError[] = [];
  warn(warning: MySqlError): void {
    this.list.push(warning);
  }
  /** `code: message` of each warning. */
  get texts(): string[] {
    return this.list.map((warning) => `${warning.code}: ${warning.message}`);
  }
}

/** A fresh globals object (optionally with start values) and one session on it. */
export function makeSession(initialValues?: Record<string, SetValue>, facts: ServerFacts = makeFacts()) {
  const globals = new GlobalVariables({
    facts: () => facts,
    ...(initialValues === undefined ? {} : { initialValues }),
  });
  let warningCount = 0;
  const session = new SessionVariables(globals, {
    warningCount: () => warningCount,
    errorCount: () => 0,
    statementTime: () => 1700000000.25,
  });
  return {
    globals,
    session,
    setWarningCount: (count: number) => {
      warningCount = count;
    },
  };
}

/** The shape assert.throws matches a MySqlError against. */
export function mysqlErr(code: number, message: string): { code: number; message: string } {
  return { code, message };
}
