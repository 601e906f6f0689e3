// Tests that --help lists every key and flag from the schema, and that --version reads package.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { COMMAND_FLAGS, CONFIG_OPTIONS, helpText, loadConfig, packageInfo } from '../../../src/config/index.js';
import type { OptionSpec } from '../../../src/config/index.js';

void describe('helpText', () => {
  const text = helpText();

  void it('names every configuration key with its flag and default', () => {
    for (const option of CONFIG_OPTIONS as readonly OptionSpec[]) {
      const line = text.split('\n').find((candidate) => candidate.includes(`[${option.key}]`));
      assert.ok(line !== undefined, `help lacks key ${option.key}`);
      assert.ok(line.includes(`--${option.flag}`), `help line for ${option.key} lacks --${option.flag}`);
      assert.ok(
        line.includes(`default: ${JSON.stringify(option.default)}`),
        `help line for ${option.key} lacks its default`,
      );
      assert.ok(text.includes(option.description), `help lacks the description of ${option.key}`);
    }
  });

  void it('lists the command flags and short flags', () => {
    for (const command of COMMAND_FLAGS) assert.ok(text.includes(`--${command.flag}`));
    assert.ok(text.includes('-P, --port <0..65535>'));
    assert.ok(text.includes('-h, --help'));
    assert.ok(text.includes('-V, --version'));
  });

  void it('marks no key as not enforced: every key acts', () => {
    assert.doesNotMatch(text, /Not enforced yet/);
  });

  void it('is what loadConfig returns for --help and -h', () => {
    assert.deepEqual(loadConfig(['--help']), { kind: 'help', text });
    assert.deepEqual(loadConfig(['-h']), { kind: 'help', text });
  });
});

void describe('version', () => {
  void it('reports the version in package.json', () => {
    const packageJson = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as {
      name: string;
      version: string;
    };
    const { name, version, root } = packageInfo();
    assert.deepEqual({ name, version }, { name: packageJson.name, version: packageJson.version });
    assert.equal(readFileSync(`${root}/package.json`, 'utf8').includes(`"name": "${name}"`), true);
    assert.deepEqual(loadConfig(['--version']), { kind: 'version', text: `tidaldb ${packageJson.version}\n` });
  });
});
