// Splits tidal-server's argv into the config file, --help/--version, and per-key flag values (not yet validated).
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { closestName } from './closest-name.js';
import { ConfigError } from './config-error.js';
import { COMMAND_FLAGS, CONFIG_OPTIONS } from './config-schema.js';
import type { OptionSpec } from './config-schema.js';

/** One configuration key set by a flag; `raw` is the flag's text, or `true` for a bare boolean flag. */
export interface FlagSetting {
  readonly key: string;
  /** The long flag, e.g. `--port`, for error messages (also when `-P` was typed). */
  readonly flag: string;
  readonly raw: string | boolean;
}

/** What the command line asks for. */
export interface CommandLine {
  /** The --config value as typed (relative to the cwd), or undefined. */
  readonly configFile: string | undefined;
  readonly isHelp: boolean;
  readonly isVersion: boolean;
  /** Flag values in command-line order; a later flag for the same key wins. */
  readonly settings: readonly FlagSetting[];
}

const OPTIONS_BY_FLAG: ReadonlyMap<string, OptionSpec> = new Map(
  CONFIG_OPTIONS.map((option): [string, OptionSpec] => [option.flag, option]),
);

type ParseOption = NonNullable<ParseArgsConfig['options']>[string];

const PARSE_OPTIONS: Readonly<Record<string, ParseOption>> = Object.fromEntries([
  ...CONFIG_OPTIONS.map((option: OptionSpec): [string, ParseOption] => [
    option.flag,
    { type: option.type.kind === 'boolean' ? 'boolean' : 'string', ...(option.short ? { short: option.short } : {}) },
  ]),
  ...COMMAND_FLAGS.map((command): [string, ParseOption] => [
    command.flag,
    { type: 'valueName' in command ? 'string' : 'boolean', ...('short' in command ? { short: command.short } : {}) },
  ]),
]);

const ALL_FLAGS: readonly string[] = Object.keys(PARSE_OPTIONS);

/**
 * Parses argv (without the node and script entries). Accepts `--flag value`, `--flag=value`, `-P 4000`,
 * `-P4000`, bare boolean flags and `--bool-flag=false`. Throws {@link ConfigError} for an unknown flag (with a
 * "did you mean" hint), a missing value, a value on --help/--version, or a positional argument.
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  // Non-strict parsing hands back every token, so the messages below are ours and name the flag at fault.
  const { tokens } = parseArgs({
    args: [...argv],
    options: PARSE_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  let configFile: string | undefined;
  let isHelp = false;
  let isVersion = false;
  const settings: FlagSetting[] = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      throw new ConfigError(`unexpected argument '${token.value}': flags start with --, see --help`);
    }
    const declared = PARSE_OPTIONS[token.name];
    if (declared === undefined) throw new ConfigError(unknownFlagMessage(token.rawName));
    const flag = `--${token.name}`;
    if (declared.type === 'string') {
      if (token.value === undefined) throw new ConfigError(`flag ${flag} needs a value`);
      if (!token.inlineValue && token.value.startsWith('-')) {
        throw new ConfigError(`flag ${flag} needs a value (write ${flag}=${token.value} if the value starts with '-')`);
      }
    }
    const option = OPTIONS_BY_FLAG.get(token.name);
    if (option !== undefined) {
      settings.push({ key: option.key, flag, raw: token.value ?? true });
      continue;
    }
    if (token.name === 'config') {
      configFile = token.value;
      continue;
    }
    if (token.value !== undefined) throw new ConfigError(`flag ${flag} takes no value`);
    if (token.name === 'help') isHelp = true;
    else isVersion = true;
  }
  return { configFile, isHelp, isVersion, settings };
}

function unknownFlagMessage(rawName: string): string {
  const name = rawName.replace(/^-+/, '');
  const suggestion = rawName.startsWith('--') ? closestName(name, ALL_FLAGS) : undefined;
  const hint = suggestion === undefined ? '' : ` (did you mean '--${suggestion}'?)`;
  return `unknown flag '${rawName}'${hint}; see --help`;
}
