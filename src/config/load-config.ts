// Builds the effective ServerConfig from defaults, the --config TOML file and flags, in that order.
import { dirname, resolve } from 'node:path';
import { ConfigError } from './config-error.js';
import { CONFIG_OPTIONS } from './config-schema.js';
import type { OptionSpec } from './config-schema.js';
import { coerceValue } from './coerce-value.js';
import type { ConfigValue } from './coerce-value.js';
import { helpText } from './help-text.js';
import { versionText } from './package-version.js';
import { parseCommandLine } from './parse-command-line.js';
import { readConfigFile } from './read-config-file.js';
import { buildConfigTree } from './server-config.js';
import type { ServerConfig } from './server-config.js';

/** Context of a load; everything defaults to the running process. */
export interface LoadConfigOptions {
  /** Folder that relative flag paths, the --config path and default paths resolve against. Default: process.cwd(). */
  readonly cwd?: string;
}

/**
 * What the command line asks for: run the server with `config`, or print `text` (for --help / --version) to
 * stdout and exit 0.
 */
export type LoadConfigResult =
  | { readonly kind: 'serve'; readonly config: ServerConfig }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'version'; readonly text: string };

const OPTIONS_BY_KEY: ReadonlyMap<string, OptionSpec> = new Map(CONFIG_OPTIONS.map((option) => [option.key, option]));

/**
 * Parses `argv` (process.argv without node and the script), reads the --config file if given, and merges
 * defaults < file < flags into a validated, frozen {@link ServerConfig}. --help and --version win over
 * everything else and do not read the file. Throws {@link ConfigError} (one-line message) for any problem.
 */
export function loadConfig(argv: readonly string[], options: LoadConfigOptions = {}): LoadConfigResult {
  const cwd = options.cwd ?? process.cwd();
  const commandLine = parseCommandLine(argv);
  if (commandLine.isHelp) return { kind: 'help', text: helpText() };
  if (commandLine.isVersion) return { kind: 'version', text: versionText() };

  const values = new Map<string, ConfigValue>();
  for (const option of CONFIG_OPTIONS as readonly OptionSpec[]) {
    values.set(option.key, checked(option, option.default, cwd, `default of '${option.key}'`));
  }

  const configFile = commandLine.configFile === undefined ? '' : resolve(cwd, commandLine.configFile);
  if (configFile !== '') {
    for (const setting of readConfigFile(configFile)) values.set(setting.key, setting.value);
  }

  for (const setting of commandLine.settings) {
    const option = OPTIONS_BY_KEY.get(setting.key);
    if (option === undefined) continue;
    values.set(setting.key, checked(option, setting.raw, cwd, `flag ${setting.flag}`));
  }

  const configFileDirectory = configFile === '' ? cwd : dirname(configFile);
  return { kind: 'serve', config: buildConfigTree(values, { configFile, configFileDirectory }) };
}

/** Validates a default or a flag value; both use flag rules (text is parsed) and resolve paths against the cwd. */
function checked(option: OptionSpec, raw: unknown, cwd: string, subject: string): ConfigValue {
  const result = coerceValue(option.type, raw, 'flag', cwd);
  if (!result.isValid) throw new ConfigError(`${subject} must be ${result.expected}, got ${result.got}`);
  return result.value;
}
