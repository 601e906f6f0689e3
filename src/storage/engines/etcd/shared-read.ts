// SharedRead: lets concurrent callers share one round trip, without ever answering from a read that began earlier.

/**
 * Wraps a read whose answer must reflect everything that completed before it was asked for (the newest commit
 * version, like a TSO request to TiDB's PD). A caller arriving while a read is in flight cannot use that read (it
 * began before the caller's own earlier commits may have landed), so it waits for the next one, which it shares
 * with everyone else who arrived meanwhile: at most two reads are ever queued.
 */
export class SharedRead<T> {
  private inFlight: Promise<T> | undefined;
  private next: Promise<T> | undefined;

  constructor(private readonly fetch: () => Promise<T>) {}

  read(): Promise<T> {
    if (this.inFlight === undefined) return this.begin();
    this.next ??= this.inFlight.then(
      () => this.takeNext(),
      () => this.takeNext(),
    );
    return this.next;
  }

  private takeNext(): Promise<T> {
    this.next = undefined;
    return this.begin();
  }

  private begin(): Promise<T> {
    const started = this.fetch().finally(() => {
      if (this.inFlight === started) this.inFlight = undefined;
    });
    this.inFlight = started;
    return started;
  }
}
