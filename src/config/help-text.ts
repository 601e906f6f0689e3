// Generates tidal-server's --help text from the configuration schema.
import { COMMAND_FLAGS, CONFIG_OPTIONS } from './config-schema.js';
import type { OptionSpec, OptionType } from './config-schema.js';

const HELP_LAYOUT = { indent: '  ', descriptionIndent: '      ' } as const;

/**
 * The full --help text, ending in a newline. Lists every flag, and for each configuration key its TOML path,
 * default and description, so it doubles as the reference for the config file.
 */
export function helpText(programName = 'tidal-server'): string {
  const lines = [
    `Usage: ${programName} [--config FILE] [flags]`,
    '',
    'TidalDB: a MySQL-compatible database server. Settings come from defaults, then the TOML file given by',
    "--config (TiDB key names), then flags. Relative paths in the file resolve against the file's folder;",
    'relative paths in flags resolve against the current directory.',
    '',
    'Command flags:',
  ];
  for (const command of COMMAND_FLAGS) {
    const short = 'short' in command ? `-${command.short}, ` : '';
    const value = 'valueName' in command ? ` <${command.valueName}>` : '';
    lines.push(`${HELP_LAYOUT.indent}${short}--${command.flag}${value}`);
    lines.push(`${HELP_LAYOUT.descriptionIndent}${command.description}`);
  }
  lines.push('', 'Configuration flags (config file key in brackets):');
  for (const option of CONFIG_OPTIONS as readonly OptionSpec[]) {
    const short = option.short === undefined ? '' : `-${option.short}, `;
    const head = `${HELP_LAYOUT.indent}${short}--${option.flag}${valueHint(option.type)}`;
    lines.push(`${head}  [${option.key}]  default: ${JSON.stringify(option.default)}`);
    const status = option.isNotEnforcedYet === true ? ' (Not enforced yet.)' : '';
    lines.push(`${HELP_LAYOUT.descriptionIndent}${option.description}${status}`);
  }
  return `${lines.join('\n')}\n`;
}

function valueHint(type: OptionType): string {
  switch (type.kind) {
    case 'string':
      return ' <string>';
    case 'path':
      return ' <path>';
    case 'store-path':
      return ' <path|endpoints>';
    case 'boolean':
      return '[=true|false]';
    case 'integer':
      return ` <${type.min}..${type.max}>`;
    case 'enum':
      return ` <${type.values.join('|')}>`;
    case 'list':
      return ` <${type.values.join(',')}>`;
    case 'names':
      return ' <name,...>';
  }
}
