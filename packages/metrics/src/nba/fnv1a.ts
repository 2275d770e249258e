const offsetBasis = 0xcbf29ce484222325n;
const prime = 0x100000001b3n;
const mask = (1n << 64n) - 1n;
const encoder = new TextEncoder();

/**
 * 64-bit FNV-1a of the UTF-8 bytes of `text`, as 16 lowercase hex digits. Deterministic on every
 * platform: the same text always gives the same digits. Not cryptographic — it names situations,
 * it does not protect anything.
 */
export function fnv1a64(text: string): string {
  let hash = offsetBasis;
  for (const byte of encoder.encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * prime) & mask;
  }
  return hash.toString(16).padStart(16, '0');
}
