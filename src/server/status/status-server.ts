// StatusServer: TiDB's status port (10080): /status, /metrics (Prometheus), /health and the live /dashboard, over
// plain HTTP or, with the cluster-ssl-* keys, HTTPS that requires a client certificate.
// https://docs.pingcap.com/tidb/stable/tidb-monitoring-api/
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Server as HttpsServer } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { RateLimitedLogger, Logger } from '../../logging/index.js';
import type { ServerMetrics } from '../../observability/server-metrics.js';
import { StartupError } from '../startup-error.js';
import type { ClusterTls } from './cluster-tls.js';
import { refusedCommonName } from './cluster-tls.js';
import type { DashboardAssets } from './dashboard-assets.js';

/** TiDB's `/status` body, plus how long the server has been up. */
export interface StatusBody {
  readonly connections: number;
  readonly version: string;
  readonly git_hash: string;
  /** Seconds since the server started. */
  readonly uptime: number;
}

/** What the routes read. */
export interface StatusServerOptions {
  readonly host: string;
  readonly port: number;
  readonly tls: ClusterTls | undefined;
  readonly logger: Logger;
  /** Refused status-port handshakes, logged at a bounded rate. */
  readonly handshakeLog: RateLimitedLogger;
  readonly metrics: ServerMetrics;
  readonly assets: DashboardAssets;
  status(): StatusBody;
  /** False once shutdown has begun: load balancers should send new clients elsewhere. */
  isHealthy(): boolean;
  /** The dashboard's JSON snapshot. */
  dashboardData(): unknown;
}

/** A listening status port. */
export class StatusServer {
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** Listens on host:port; a port that cannot be bound stops the start, as in TiDB. */
  static async start(options: StatusServerOptions): Promise<StatusServer> {
    const handler = (request: IncomingMessage, response: ServerResponse): void => {
      route(options, request, response).catch((error: unknown) => {
        options.logger.error('status port request failed (bug)', { err: error instanceof Error ? error : new Error(String(error)), url: request.url });
        if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'internal error\n');
        else response.destroy();
      });
    };
    const tls = options.tls;
    const server: Server = tls === undefined ? createHttpServer(handler) : createHttpsServer({ ca: tls.ca, cert: tls.cert, key: tls.key, requestCert: true, rejectUnauthorized: true }, handler);
    if (tls !== undefined) {
      server.on('secureConnection', (socket: TLSSocket) => {
        const reason = refusedCommonName(socket.getPeerCertificate(), tls.verifyCn);
        if (reason === undefined) return;
        options.handshakeLog.log('warn', 'status-tls-cn', 'status port refused a client certificate', { peer: socket.remoteAddress, reason });
        socket.destroy();
      });
      server.on('tlsClientError', (error: Error, socket: TLSSocket) => {
        options.handshakeLog.log('warn', 'status-tls', 'status port TLS handshake failed', { peer: socket.remoteAddress, reason: error.message });
      });
    }
    const port = await listen(server, options.host, options.port);
    options.logger.info('status server is running', { host: options.host, port, tls: tls !== undefined, verifyCn: tls?.verifyCn.join(',') ?? '' });
    return new StatusServer(server, port);
  }

  /**
   * New handshakes use `tls` (cluster-ssl-* reloaded); open connections keep theirs. Ignored on plain HTTP: the
   * port does not switch to HTTPS without a restart.
   */
  useTls(tls: ClusterTls): void {
    if (!('setSecureContext' in this.server)) return;
    (this.server as HttpsServer).setSecureContext({ ca: tls.ca, cert: tls.cert, key: tls.key });
  }

  /** Stops listening and ends open keep-alive connections. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

async function route(options: StatusServerOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    send(response, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    return;
  }
  const path = new URL(request.url ?? '/', 'http://status').pathname;
  switch (path) {
    case '/status':
      sendJson(response, 200, options.status());
      return;
    case '/health':
      if (options.isHealthy()) sendJson(response, 200, { status: 'ok' });
      else sendJson(response, 503, { status: 'shutting down' });
      return;
    case '/metrics':
      send(response, 200, options.metrics.contentType, await options.metrics.exposition());
      return;
    case '/dashboard':
      response.writeHead(301, { Location: '/dashboard/' }).end();
      return;
    case '/dashboard/api/data':
      sendJson(response, 200, options.dashboardData());
      return;
    default: {
      const asset = path.startsWith('/dashboard/') ? options.assets.get(path.slice('/dashboard/'.length) || 'index.html') : undefined;
      if (asset === undefined) {
        send(response, 404, 'text/plain; charset=utf-8', 'not found\n');
        return;
      }
      // Everything the page needs comes from this port: no external network, no inline code.
      response.setHeader('Content-Security-Policy', "default-src 'self'; style-src 'self'; img-src 'self' data:");
      send(response, 200, asset.contentType, asset.body);
    }
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json; charset=utf-8', `${JSON.stringify(body)}\n`);
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const reason = error.code === 'EADDRINUSE' ? 'address already in use' : error.code === 'EACCES' ? 'permission denied' : error.message;
      reject(new StartupError(`cannot listen on status port ${host}:${port}: ${reason}`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}
