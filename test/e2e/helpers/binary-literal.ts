// Raw-byte SQL literals as drivers send them (PyMySQL, mysql_real_escape_string): `_binary'…'` with only the six
// special bytes escaped, everything else as-is, so statement text carries bytes that are not UTF-8.
import { execFile } from 'node:child_process';

const ESCAPED: Readonly<Record<number, string>> = { 0x00: '\\0', 0x27: "\\'", 0x5c: '\\\\', 0x0a: '\\n', 0x0d: '\\r', 0x1a: '\\Z' };

/** `_binary'<bytes, escaped>'` as bytes. */
export function binaryLiteral(bytes: Uint8Array): Buffer {
  const parts: Buffer[] = [Buffer.from("_binary'")];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const escape = ESCAPED[bytes[i]!];
    if (escape === undefined) continue;
    parts.push(Buffer.from(bytes.subarray(start, i)), Buffer.from(escape, 'latin1'));
    start = i + 1;
  }
  parts.push(Buffer.from(bytes.subarray(start)), Buffer.from("'"));
  return Buffer.concat(parts);
}

/** SQL text made of strings and raw byte chunks. */
export function sqlBytes(...parts: ReadonlyArray<string | Buffer>): Buffer {
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)));
}

/**
 * Runs statements through the `mariadb` CLI in --binary-mode (bytes go to the server untouched), tab-separated
 * results without headers. `timeoutMs` is a hang guard, not a performance bound.
 */
export function mariadbBinary(port: number, sql: Buffer, timeoutMs = 600_000): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      'mariadb',
      ['--no-defaults', '--protocol=TCP', '-h', '127.0.0.1', '-P', String(port), '-u', 'root', '--binary-mode', '-N', '--max-allowed-packet=1G'],
      { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error && typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : error ? 1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(sql);
  });
}
