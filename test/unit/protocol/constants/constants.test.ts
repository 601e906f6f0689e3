// Tests for protocol constants: capability arithmetic across bit 31 and collation lookups.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CapabilityFlags, capabilities, hasCapability } from '../../../../src/protocol/constants/capability-flags.js';
import {
  Collation,
  collationCharset,
  collationEncoding,
  collationId,
  collationName,
} from '../../../../src/protocol/constants/collation.js';
import { CommandCode, commandName } from '../../../../src/protocol/constants/command-code.js';
import { mysql2ClientFlags } from '../mysql2-internals.js';

void describe('CapabilityFlags', () => {
  void it('matches the values mysql2 uses for the same flags', () => {
    for (const [name, value] of Object.entries(CapabilityFlags)) {
      const mysql2Name = name.replace(/^CLIENT_/, '');
      const theirs = mysql2ClientFlags[mysql2Name];
      if (theirs !== undefined) assert.equal(value, theirs >>> 0, name);
    }
    assert.equal(CapabilityFlags.CLIENT_SSL, 2048);
    assert.equal(CapabilityFlags.CLIENT_DEPRECATE_EOF, 1 << 24);
    assert.equal(CapabilityFlags.CLIENT_QUERY_ATTRIBUTES, 1 << 27);
  });

  void it('combines and tests bit 31 without going negative', () => {
    const flags = capabilities(CapabilityFlags.CLIENT_REMEMBER_OPTIONS, CapabilityFlags.CLIENT_SSL);
    assert.equal(flags, 0x80000800);
    assert.equal(hasCapability(flags, CapabilityFlags.CLIENT_REMEMBER_OPTIONS), true);
    assert.equal(hasCapability(flags | 0, CapabilityFlags.CLIENT_REMEMBER_OPTIONS), true);
    assert.equal(hasCapability(flags, CapabilityFlags.CLIENT_PROTOCOL_41), false);
  });
});

void describe('Collation', () => {
  void it('has the ids MySQL uses', () => {
    assert.equal(Collation.utf8mb4_general_ci, 45);
    assert.equal(Collation.utf8mb4_bin, 46);
    assert.equal(Collation.binary, 63);
    assert.equal(Collation.utf8mb4_0900_ai_ci, 255);
    assert.equal(Collation.latin1_swedish_ci, 8);
    assert.equal(collationId('utf8_general_ci'), 33);
    assert.equal(collationId('UTF8MB4_BIN'), 46);
    assert.equal(collationId('nope'), undefined);
    assert.equal(collationId('toString'), undefined);
    assert.equal(collationName(255), 'utf8mb4_0900_ai_ci');
    assert.equal(collationName(9999), undefined);
    assert.equal(collationCharset(63), 'binary');
    assert.equal(collationCharset(33), 'utf8mb3');
    assert.equal(collationEncoding(8), 'latin1');
    assert.equal(collationEncoding(45), 'utf8');
  });
});

void describe('CommandCode', () => {
  void it('names command bytes', () => {
    assert.equal(CommandCode.COM_QUERY, 3);
    assert.equal(CommandCode.COM_RESET_CONNECTION, 0x1f);
    assert.equal(commandName(0x16), 'COM_STMT_PREPARE');
    assert.equal(commandName(0xee), undefined);
  });
});
