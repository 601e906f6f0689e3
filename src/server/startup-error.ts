// StartupError: a server that failed to start, with a one-line reason for the operator.

/** A server that failed to start, with a one-line reason for the operator. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
