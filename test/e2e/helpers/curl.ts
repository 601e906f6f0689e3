// Runs the real `curl` against a server's status port (plain HTTP or HTTPS with client certificates).
import { execFile } from 'node:child_process';

/** One curl run: its exit code (0 ok, 35/56 TLS failures, 7 refused), the HTTP status and the body. */
export interface CurlResult {
  readonly code: number;
  /** The HTTP status, or 0 when no response came. */
  readonly status: number;
  readonly body: string;
  readonly stderr: string;
}

const STATUS_MARKER = '\n__http_status:';

/** `curl -sS <args> <url>`; never rejects on a failed request. */
export function curl(url: string, args: readonly string[] = []): Promise<CurlResult> {
  return new Promise((resolve) => {
    execFile('curl', ['-sS', '--max-time', '30', '-w', `${STATUS_MARKER}%{http_code}`, ...args, url], { timeout: 40_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const at = stdout.lastIndexOf(STATUS_MARKER);
      const status = at < 0 ? 0 : Number(stdout.slice(at + STATUS_MARKER.length));
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 1) : 0;
      resolve({ code, status, body: at < 0 ? stdout : stdout.slice(0, at), stderr });
    });
  });
}

/** GETs a status-port path over plain HTTP and parses the JSON body. */
export async function statusJson(port: number, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const result = await curl(`http://127.0.0.1:${port}${path}`);
  return { status: result.status, body: JSON.parse(result.body) as Record<string, unknown> };
}
