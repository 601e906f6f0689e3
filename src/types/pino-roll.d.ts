// Types for pino-roll, which ships none: the options TidalDB uses and the SonicBoom stream it resolves to.
declare module 'pino-roll' {
  import type { pino } from 'pino';

  interface PinoRollOptions {
    /** Base path; the live file is `<base>.<n>.<extension>`. */
    readonly file: string;
    /** Rotate once the file holds this much: a number of MB, or text with a unit (`'1048576b'`, `'300m'`). */
    readonly size?: string | number;
    /** Keep `count` rotated files besides the live one; `removeOtherLogFiles` also removes those of earlier runs. */
    readonly limit?: { readonly count: number; readonly removeOtherLogFiles?: boolean };
    readonly mkdir?: boolean;
    readonly sync?: boolean;
  }

  function pinoRoll(options: PinoRollOptions): Promise<ReturnType<typeof pino.destination>>;
  export = pinoRoll;
}
