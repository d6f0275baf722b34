/**
 * The byte-level pieces of the instructor encodings (contracts/instructor.md): UTF-8 text
 * compressed with raw DEFLATE (the `CompressionStream` every current browser and Node ≥ 22
 * has built in, so no library ships to the page), written in base64url (A–Z a–z 0–9 - _:
 * safe in a URL fragment, in email and in LMS text boxes), and a CRC-32 checksum in base 36
 * so a copy that lost or changed characters is caught.
 *
 * Measured for a ten-problem assignment (tests/unit/instructor/encodings.test.ts prints it):
 * DEFLATE shortens a link's payload by about a third and a completion code by about a third,
 * so it pays for its asynchrony.
 */

/** Compresses bytes with raw DEFLATE (RFC 1951). */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  return streamThrough(bytes, new CompressionStream('deflate-raw'));
}

/** Inflates raw DEFLATE bytes; rejects when the bytes are not a complete DEFLATE stream. */
export async function inflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  return streamThrough(bytes, new DecompressionStream('deflate-raw'));
}

async function streamThrough(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Bytes as base64url without padding.
 *
 * @example toBase64Url(new TextEncoder().encode('hi')) // => 'aGk'
 */
export function toBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    text += alphabet[a >> 2]!;
    text += alphabet[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    if (b !== undefined) text += alphabet[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    if (c !== undefined) text += alphabet[c & 63]!;
  }
  return text;
}

/**
 * Base64url text (no padding) back to bytes, or null when it holds a character outside the
 * alphabet or has an impossible length.
 *
 * @example fromBase64Url('aGk') // => Uint8Array [104, 105]
 */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    const value = alphabet.indexOf(char);
    if (value < 0) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 255);
    }
  }
  return Uint8Array.from(bytes);
}

let crcTable: Uint32Array | undefined;

/**
 * CRC-32 (the polynomial of zip and PNG) of a text's UTF-8 bytes, written as 7 base-36
 * characters (0-9 a-z). Any one changed, lost or swapped character changes it.
 *
 * @example crc32('123456789') // => '1kl8mjq' (0xCBF43926 in base 36)
 */
export function crc32(text: string): string {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of new TextEncoder().encode(text)) crc = crcTable[(crc ^ byte) & 255]! ^ (crc >>> 8);
  return ((crc ^ 0xffffffff) >>> 0).toString(36).padStart(7, '0');
}
