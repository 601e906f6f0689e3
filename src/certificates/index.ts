// The certificates module's public surface: generating the mysql_ssl_rsa_setup files and inspecting TLS material.
export { generateSslFiles, RSA_KEY_SIZE } from './generate-ssl-files.js';
export type { GenerateSslFilesOptions, SslFileAction, SslFileOutcome, SslSetupSummary } from './generate-ssl-files.js';
export { inspectCaFile, inspectTlsMaterial, ENCRYPTED_KEY_REASON } from './inspect-tls-material.js';
export type {
  CaFile,
  SecureContextMaterial,
  TlsMaterial,
  TlsMaterialInspection,
  TlsMaterialPaths,
  TlsMaterialProblem,
} from './inspect-tls-material.js';
export { describeCertificate, formatOpenSslTime, parseOpenSslTime } from './certificate-info.js';
export type { CertificateInfo } from './certificate-info.js';
export { CERTIFICATE_NAMES, CERTIFICATE_VALIDITY_DAYS, serverAlternativeNames } from './certificate-authority.js';
export { SSL_FILE_MODES, SSL_FILE_NAMES } from './ssl-file-names.js';
export type { SslFileName, SslFileRole } from './ssl-file-names.js';
export { SslSetupError } from './ssl-setup-error.js';
export { inspectCrl } from './inspect-crl.js';
export type { CrlFile, CrlInspection } from './inspect-crl.js';
export { EXPIRY_WARNING_DAYS, expiryWarning, materialExpiryWarnings } from './certificate-expiry.js';
export { ECDSA_SERVER_FILE_NAMES, ensureEcdsaServerPair, issueEcdsaServerCertificate } from './ecdsa-server-certificate.js';
export type { EcdsaPairOutcome, EcdsaServerCertificate } from './ecdsa-server-certificate.js';
