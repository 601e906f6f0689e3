// Runs `openssl s_client -starttls mysql` for the TLS cases no MySQL client can force (old versions, exact ciphers).
import { execFile } from 'node:child_process';

/** What one s_client run negotiated, or how it failed. */
export interface SClientResult {
  readonly code: number;
  readonly output: string;
  /** `TLSv1.3`, … or undefined when no session was established. */
  readonly protocol: string | undefined;
  /** Negotiated cipher, undefined when none. */
  readonly cipher: string | undefined;
  /** Whether the session was resumed (`Reused,` in the output). */
  readonly isReused: boolean;
}

/** A hang guard, not a performance bound: s_client ends by itself once its input closes. */
const S_CLIENT_HANG_GUARD_MS = 120_000;

/** Connects to 127.0.0.1:`port` with `openssl s_client -starttls mysql` plus `args`, sends nothing, and reports. */
export function sClient(port: number, args: readonly string[] = []): Promise<SClientResult> {
  return new Promise((resolve) => {
    const child = execFile(
      'openssl',
      ['s_client', '-starttls', 'mysql', '-connect', `127.0.0.1:${port}`, ...args],
      { timeout: S_CLIENT_HANG_GUARD_MS },
      (error, stdout, stderr) => {
        const output = `${stdout}\n${stderr}`;
        const protocol = /^\s*Protocol\s*: (\S+)$/m.exec(output)?.[1];
        const cipher = /^\s*Cipher\s*: (\S+)$/m.exec(output)?.[1];
        resolve({
          code: error ? 1 : 0,
          output,
          protocol: cipher === undefined || cipher === '0000' ? undefined : protocol,
          cipher: cipher === '0000' ? undefined : cipher,
          isReused: /^Reused,/m.test(output),
        });
      },
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end();
  });
}
