// optimizer_switch: MySQL 8.0's optimizer flags, set one by one (`SET optimizer_switch = 'flag=on,…'`).
import { classifyValue, valueText, wrongType, wrongValue } from './assigned-value.js';
import type { AssignedValue, NormalizeContext } from './system-variable.js';

/**
 * MySQL 8.0's flags in its order, with their defaults. TidalDB's planner reads `use_invisible_indexes`
 * (sql/planner/index-visibility.ts); the others are kept and shown, as they name MySQL optimizer strategies.
 */
const FLAGS: readonly (readonly [string, boolean])[] = [
  ['index_merge', true], ['index_merge_union', true], ['index_merge_sort_union', true], ['index_merge_intersection', true],
  ['engine_condition_pushdown', true], ['index_condition_pushdown', true], ['mrr', true], ['mrr_cost_based', true],
  ['block_nested_loop', true], ['batched_key_access', false], ['materialization', true], ['semijoin', true], ['loosescan', true],
  ['firstmatch', true], ['duplicateweedout', true], ['subquery_materialization_cost_based', true], ['use_index_extensions', true],
  ['condition_fanout_filter', true], ['derived_merge', true], ['use_invisible_indexes', false], ['skip_scan', true],
  ['hash_join', true], ['subquery_to_derived', false], ['prefer_ordering_index', true], ['hypergraph_optimizer', false],
  ['derived_condition_pushdown', true],
];

const DEFAULTS = new Map(FLAGS);

/** The compiled default, every flag as MySQL 8.0 has it. */
export const DEFAULT_OPTIMIZER_SWITCH = format(DEFAULTS);

/**
 * A new value from `flag=on|off|default, …` over the current one (flags not named keep theirs), or `default` alone
 * for every default; anything else is 1231, a number 1232, as MySQL answers.
 */
export function normalizeOptimizerSwitch(input: AssignedValue, context: NormalizeContext): string {
  const value = classifyValue(input);
  if (value.kind !== 'string') throw value.kind === 'null' ? wrongValue(context.name, 'NULL') : wrongType(context.name);
  const flags = parse(typeof context.current === 'string' ? context.current : DEFAULT_OPTIMIZER_SWITCH);
  for (const item of value.value.split(',')) {
    const text = item.trim().toLowerCase();
    if (text === 'default') {
      for (const [flag, isOn] of DEFAULTS) flags.set(flag, isOn);
      continue;
    }
    const [flag = '', setting = ''] = text.split('=').map((part) => part.trim());
    if (!DEFAULTS.has(flag) || !['on', 'off', 'default'].includes(setting)) throw wrongValue(context.name, valueText(value));
    flags.set(flag, setting === 'default' ? DEFAULTS.get(flag)! : setting === 'on');
  }
  return format(flags);
}

function parse(text: string): Map<string, boolean> {
  const flags = new Map(DEFAULTS);
  for (const item of text.split(',')) {
    const [flag = '', setting] = item.split('=');
    if (DEFAULTS.has(flag)) flags.set(flag, setting === 'on');
  }
  return flags;
}

function format(flags: ReadonlyMap<string, boolean>): string {
  return FLAGS.map(([flag]) => `${flag}=${flags.get(flag) === true ? 'on' : 'off'}`).join(',');
}
