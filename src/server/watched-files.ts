// WatchedFiles: a set of TLS files watched for changes, settled and compared by content digest before a reload.
import { createHash } from 'node:crypto';
import { readFileSync, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Logger } from '../logging/index.js';

/** Content digest of each file by its role ('unreadable' when it cannot be read); roles with no file are absent. */
export type FileDigests<Role extends string> = ReadonlyMap<Role, string>;

/** What a watch does with changed files. */
export interface ReloadHooks<Role extends string> {
  /** The digests of the material in force, or undefined when none is (any change is then offered). */
  inForce(): FileDigests<Role> | undefined;
  /** Loads and validates the files and puts them in force; returns why they were refused, or undefined. */
  reload(digests: FileDigests<Role>): string | undefined;
  /** Logs a refusal (once per distinct reason in a row). */
  onRefused(reason: string): void;
}

/** Default quiet time after a file event, in milliseconds. */
const DEFAULT_SETTLE_MS = 300;

/**
 * The files of one TLS configuration (client-facing or cluster), by role. Watching reacts only after the events have
 * settled, so a burst of writes counts once, and only to contents that differ from the material in force.
 */
export class WatchedFiles<Role extends string> {
  #watchers: FSWatcher[] = [];
  #settleTimer: NodeJS.Timeout | undefined;

  /**
   * @param files the path of each role; '' means not configured.
   * @param logger where watch problems go.
   * @param settleMs quiet time after the last event before the files are read.
   */
  constructor(
    private readonly files: Readonly<Record<Role, string>>,
    private readonly logger: Logger,
    private readonly settleMs = DEFAULT_SETTLE_MS,
  ) {}

  /** The configured roles, in their declaration order. */
  get roles(): Role[] {
    return (Object.keys(this.files) as Role[]).filter((role) => this.files[role] !== '');
  }

  /** The path of `role`. */
  path(role: Role): string {
    return this.files[role];
  }

  /** Reads every configured file and digests it; read first, then load, so a change in between is seen next time. */
  readDigests(): Map<Role, string> {
    const digests = new Map<Role, string>();
    for (const role of this.roles) {
      try {
        digests.set(role, createHash('sha256').update(readFileSync(this.files[role])).digest('hex'));
      } catch {
        digests.set(role, 'unreadable');
      }
    }
    return digests;
  }

  /** The roles whose digest differs between `a` and `b`. */
  changedRoles(a: FileDigests<Role>, b: FileDigests<Role>): Role[] {
    return this.roles.filter((role) => a.get(role) !== b.get(role));
  }

  /**
   * Watches the folders of the files (rename-into-place, in-place writes and symlink swaps as Kubernetes does all
   * show up as folder events) and, once events have settled, offers the files to `hooks.reload` when their digests
   * differ from `hooks.inForce()` (undefined: nothing in force, always offer). A refusal `reload` returns goes to
   * `hooks.onRefused` once per distinct reason in a row: a file being written produces many events with one reason.
   * `isSharedFolder` (a busy folder such as the data directory) reacts only to events that name one of the files.
   */
  watchForReload(hooks: ReloadHooks<Role>, options: { readonly isSharedFolder?: boolean } = {}): void {
    let lastProblem: string | undefined;
    this.#watch(() => {
      const digests = this.readDigests();
      const inForce = hooks.inForce();
      if (inForce !== undefined && this.changedRoles(digests, inForce).length === 0) return;
      const problem = hooks.reload(digests);
      if (problem !== undefined && problem !== lastProblem) hooks.onRefused(problem);
      lastProblem = problem;
    }, options);
  }

  /** Stops watching. */
  close(): void {
    clearTimeout(this.#settleTimer);
    for (const watcher of this.#watchers) watcher.close();
    this.#watchers = [];
  }

  #watch(onChange: () => void, options: { readonly isSharedFolder?: boolean }): void {
    const paths = this.roles.map((role) => this.files[role]);
    const names = new Set(paths.map((path) => basename(path)));
    for (const folder of new Set(paths.map((path) => dirname(path)))) {
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => {
          // Without a name (platforms that do not report it) any event may concern the files.
          if (options.isSharedFolder === true && name !== null && !names.has(name)) return;
          this.#schedule(onChange);
        });
        watcher.on('error', (error) =>
          this.logger.warn('stopped watching TLS files', { folder, reason: error.message }),
        );
        this.#watchers.push(watcher);
      } catch (error) {
        this.logger.warn('cannot watch TLS files for changes; use ALTER INSTANCE RELOAD TLS', {
          folder,
          reason: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }

  #schedule(onChange: () => void): void {
    clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(onChange, this.settleMs);
    this.#settleTimer.unref();
  }
}
