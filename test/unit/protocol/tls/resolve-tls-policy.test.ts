// resolveTlsPolicy: tls-version, ssl-cipher and tls-ciphersuites checked and resolved, with one-line reasons.
import assert from 'node:assert/strict';
import { createSecureContext } from 'node:tls';
import { describe, it } from 'node:test';
import {
  DEFAULT_TLS_POLICY,
  LEGACY_CIPHERS,
  TLS12_CIPHERS,
  cipherList,
  resolveTlsPolicy,
  tlsPolicyOptions,
} from '../../../../src/protocol/tls/index.js';

const EMPTY = { tlsVersion: '', sslCipher: '', tlsCiphersuites: '' };

void describe('resolveTlsPolicy', () => {
  void it('resolves empty settings to the built-in policy', () => {
    assert.deepEqual(resolveTlsPolicy(EMPTY), { ok: true, policy: { ...DEFAULT_TLS_POLICY, versions: ['TLSv1.2', 'TLSv1.3'], tls12Ciphers: [...TLS12_CIPHERS] } });
  });

  void it('orders versions, upper-cases and de-duplicates cipher names, and keeps the given preference order', () => {
    const resolved = resolveTlsPolicy({ tlsVersion: 'TLSv1.3, TLSv1.2', sslCipher: 'ecdhe-rsa-aes128-gcm-sha256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256', tlsCiphersuites: 'TLS_AES_128_GCM_SHA256' });
    assert.ok(resolved.ok);
    assert.deepEqual(resolved.policy.versions, ['TLSv1.2', 'TLSv1.3']);
    assert.deepEqual(resolved.policy.tls12Ciphers, ['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES256-GCM-SHA384']);
    assert.equal(cipherList(resolved.policy), 'TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384');
    assert.deepEqual(resolved.policy.warnings, []);
    assert.doesNotThrow(() => createSecureContext(tlsPolicyOptions(resolved.policy)));
  });

  void it('adds ECDHE CBC ciphers and a warning only when TLSv1 or TLSv1.1 is listed', () => {
    const resolved = resolveTlsPolicy({ ...EMPTY, tlsVersion: 'TLSv1,TLSv1.1,TLSv1.2' });
    assert.ok(resolved.ok);
    assert.deepEqual(resolved.policy.tls12Ciphers, [...TLS12_CIPHERS, ...LEGACY_CIPHERS]);
    assert.match(resolved.policy.warnings[0] ?? '', /^tls-version enables TLSv1 and TLSv1\.1, deprecated by RFC 8996/);
    assert.equal(tlsPolicyOptions(resolved.policy).minVersion, 'TLSv1');
    assert.match(String(tlsPolicyOptions(resolved.policy).ciphers), /@SECLEVEL=0$/);
  });

  void it('warns about listed ciphers without forward secrecy or AEAD', () => {
    const resolved = resolveTlsPolicy({ ...EMPTY, sslCipher: 'AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256' });
    assert.ok(resolved.ok);
    assert.match(resolved.policy.warnings[0] ?? '', /^ssl-cipher lists AES128-SHA: without ECDHE\/DHE/);
  });

  void it('refuses unknown names in one line', () => {
    assert.deepEqual(resolveTlsPolicy({ ...EMPTY, tlsVersion: 'TLSv1.4' }), {
      ok: false,
      reason: 'tls-version: unknown protocol version "TLSv1.4" (did you mean "TLSv1.1"?); allowed: TLSv1, TLSv1.1, TLSv1.2, TLSv1.3',
    });
    const cipher = resolveTlsPolicy({ ...EMPTY, sslCipher: 'NOT-A-CIPHER' });
    assert.deepEqual(cipher, { ok: false, reason: 'ssl-cipher: unknown cipher "NOT-A-CIPHER"; use OpenSSL\'s names, colon-separated, e.g. ECDHE-RSA-AES256-GCM-SHA384' });
    assert.deepEqual(resolveTlsPolicy({ ...EMPTY, tlsCiphersuites: 'ECDHE-RSA-AES128-GCM-SHA256' }), {
      ok: false,
      reason: 'tls-ciphersuites: "ECDHE-RSA-AES128-GCM-SHA256" belongs in ssl-cipher',
    });
  });
});
