// The error generateSslFiles throws for bad options or an unusable directory, with a one-line message.

/** A certificate-setup failure the operator can fix. Contract: `message` is one complete line naming the path or option. */
export class SslSetupError extends Error {
  override readonly name = 'SslSetupError';
}
