// PEM text: encoding DER with a label, and finding the labelled blocks in a file.

/** Base64 characters per PEM line, as OpenSSL writes them (RFC 7468 §2). */
const PEM_LINE_LENGTH = 64;

/** Labels TidalDB writes or looks for. */
export const PemLabel = {
  CERTIFICATE: 'CERTIFICATE',
  PRIVATE_KEY: 'PRIVATE KEY',
  ENCRYPTED_PRIVATE_KEY: 'ENCRYPTED PRIVATE KEY',
  PUBLIC_KEY: 'PUBLIC KEY',
} as const;

/** One `-----BEGIN label----- … -----END label-----` block, `text` included its armour lines. */
export interface PemBlock {
  readonly label: string;
  readonly text: string;
}

const BLOCK_PATTERN = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/** Encodes DER bytes as one PEM block ending in a newline. */
export function encodePem(label: string, der: ArrayBuffer | Uint8Array): string {
  const base64 = Buffer.from(der instanceof Uint8Array ? der : new Uint8Array(der)).toString('base64');
  const lines: string[] = [];
  for (let start = 0; start < base64.length; start += PEM_LINE_LENGTH)
    lines.push(base64.slice(start, start + PEM_LINE_LENGTH));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Every complete PEM block in `text`, in order; text between blocks (OpenSSL's "Bag Attributes" etc.) is ignored. */
export function findPemBlocks(text: string): PemBlock[] {
  return [...text.matchAll(BLOCK_PATTERN)].map((match) => ({ label: match[1] ?? '', text: match[0] }));
}
