// countIntermediates: OpenSSL's verify-depth count for a client chain, which a forged certificate cannot shorten.
import 'reflect-metadata';
import { BasicConstraintsExtension, KeyUsageFlags, KeyUsagesExtension, X509CertificateGenerator } from '@peculiar/x509';
import assert from 'node:assert/strict';
import { X509Certificate, webcrypto } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { countIntermediates } from '../../../../src/protocol/tls/index.js';

const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

interface Issued {
  readonly cert: X509Certificate;
  readonly keys: webcrypto.CryptoKeyPair;
}

/** A certificate named `name`, signed by `issuer` (self-signed without one); `isCa` adds CA:TRUE and keyCertSign. */
async function issue(name: string, isCa: boolean, issuer?: Issued): Promise<Issued> {
  const keys = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const generated = await X509CertificateGenerator.create({
    serialNumber: Math.floor(Math.random() * 1e9).toString(16).padStart(8, '1'),
    subject: `CN=${name}`,
    issuer: issuer === undefined ? `CN=${name}` : issuer.cert.subject,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 30 * DAY),
    signingAlgorithm: EC,
    publicKey: keys.publicKey,
    signingKey: (issuer?.keys ?? keys).privateKey,
    extensions: isCa
      ? [new BasicConstraintsExtension(true, undefined, true), new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true)]
      : [],
  });
  return { cert: new X509Certificate(generated.toString('pem')), keys };
}

describe('countIntermediates', () => {
  let root: Issued;
  let first: Issued;
  let second: Issued;
  let leaf: Issued;
  let direct: Issued;

  before(async () => {
    root = await issue('root', true);
    first = await issue('intermediate 1', true, root);
    second = await issue('intermediate 2', true, first);
    leaf = await issue('leaf', false, second);
    direct = await issue('direct', false, root);
  });

  it('counts neither the client certificate nor the root', () => {
    assert.equal(countIntermediates(direct.cert, [], [root.cert]), 0);
    assert.equal(countIntermediates(leaf.cert, [second.cert, first.cert], [root.cert]), 2);
    assert.equal(countIntermediates(root.cert, [], [root.cert]), 0);
  });

  it('counts intermediates found in ssl-ca like those the client sent', () => {
    assert.equal(countIntermediates(leaf.cert, [], [root.cert, first.cert, second.cert]), 2);
    assert.equal(countIntermediates(leaf.cert, [second.cert], [root.cert, first.cert]), 2);
  });

  it('is undefined when no chain reaches a root of ssl-ca', () => {
    assert.equal(countIntermediates(leaf.cert, [second.cert], [root.cert]), undefined);
    assert.equal(countIntermediates(leaf.cert, [second.cert, first.cert], []), undefined);
  });

  it('is not shortened by a forged self-signed certificate carrying an intermediate\'s name', async () => {
    const forged = await issue('intermediate 2', true);
    assert.equal(forged.cert.subject, second.cert.subject);
    assert.equal(countIntermediates(leaf.cert, [forged.cert, second.cert, first.cert], [root.cert, forged.cert]), 2);
    assert.equal(countIntermediates(leaf.cert, [forged.cert], [root.cert]), undefined);
  });
});
