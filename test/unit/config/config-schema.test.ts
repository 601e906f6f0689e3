// Guards the schema as keys get added: unique keys, flags and short flags, and defaults that pass validation.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMAND_FLAGS, CONFIG_OPTIONS, loadConfig } from '../../../src/config/index.js';
import type { OptionSpec } from '../../../src/config/index.js';

const options = CONFIG_OPTIONS as readonly OptionSpec[];

void describe('CONFIG_OPTIONS', () => {
  void it('has unique keys, flags and short flags, none clashing with the command flags', () => {
    const flags = [...options.map((option) => option.flag), ...COMMAND_FLAGS.map((command) => command.flag)];
    assert.equal(new Set(flags).size, flags.length);
    assert.equal(new Set(options.map((option) => option.key)).size, options.length);
    const shorts = [
      ...options.flatMap((option) => (option.short === undefined ? [] : [option.short])),
      ...COMMAND_FLAGS.flatMap((command) => ('short' in command ? [command.short] : [])),
    ];
    assert.equal(new Set(shorts).size, shorts.length);
  });

  void it('never uses a key as both a value and a table', () => {
    const keys = new Set(options.map((option) => option.key));
    for (const option of options) {
      const segments = option.key.split('.');
      for (let length = 1; length < segments.length; length++) {
        assert.equal(keys.has(segments.slice(0, length).join('.')), false, `${option.key} sits under a value key`);
      }
    }
  });

  void it('has defaults that pass their own validation', () => {
    assert.equal(loadConfig([], { cwd: '/' }).kind, 'serve');
  });
});
