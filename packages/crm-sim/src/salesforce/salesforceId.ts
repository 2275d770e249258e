/**
 * Salesforce record ids: 15 case-sensitive characters, or 18 with a case-safe checksum suffix.
 * Layout of the 15: 3-char key prefix (object type), 2-char pod, 1 reserved `0`, 9 base-62 digits.
 */
const checksumAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function checksumOf(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const code = id15.charCodeAt(chunk * 5 + i);
      if (code >= 65 && code <= 90) bits |= 1 << i; // A–Z
    }
    suffix += checksumAlphabet.charAt(bits);
  }
  return suffix;
}

/** The 3-char suffix that makes a 15-char id case-insensitive (one char per 5-char chunk). */
export function salesforceIdChecksum(id15: string): string {
  if (!/^[0-9A-Za-z]{15}$/.test(id15)) throw new Error(`not a 15-character Salesforce id: ${id15}`);
  return checksumOf(id15);
}

/**
 * The 18-char form of a 15- or 18-char id, or `null` when `value` is not an id. An 18-char id
 * may come in any case: its suffix says which characters are upper case, so the case is restored.
 */
export function toSalesforceId18(value: string): string | null {
  if (/^[0-9A-Za-z]{15}$/.test(value)) return value + salesforceIdChecksum(value);
  if (!/^[0-9A-Za-z]{18}$/.test(value)) return null;
  const suffix = value.slice(15).toUpperCase();
  let id15 = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    const bits = checksumAlphabet.indexOf(suffix.charAt(chunk));
    for (let i = 0; i < 5; i += 1) {
      const char = value.charAt(chunk * 5 + i);
      id15 += (bits & (1 << i)) === 0 ? char.toLowerCase() : char.toUpperCase();
    }
  }
  return salesforceIdChecksum(id15) === suffix ? id15 + suffix : null;
}

function toBase62(value: number, width: number): string {
  let rest = value;
  let digits = '';
  while (rest > 0) {
    digits = base62.charAt(rest % 62) + digits;
    rest = Math.floor(rest / 62);
  }
  if (digits.length > width) throw new Error(`id counter ${value} does not fit ${width} base-62 digits`);
  return digits.padStart(width, '0');
}

/** 32-bit FNV-1a; used to give each object a stable, distinct-looking counter start. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Hands out ascending 18-char ids for one key prefix: `prefix + pod + '0' + 9 base-62 digits + checksum`.
 * Deterministic: the n-th id of a prefix is always the same for the same pod.
 */
export function createIdSequence(keyPrefix: string, pod = '5g'): () => string {
  if (!/^[0-9A-Za-z]{3}$/.test(keyPrefix) || !/^[0-9A-Za-z]{2}$/.test(pod)) {
    throw new Error(`bad key prefix or pod: ${keyPrefix} ${pod}`);
  }
  // Start somewhere that looks lived-in (e.g. 0015g00000Ab3xQ), different per prefix.
  let next = 62 ** 5 * (1 + (fnv1a(keyPrefix) % 40));
  return () => {
    const id15 = `${keyPrefix}${pod}0${toBase62(next, 9)}`;
    next += 1;
    return id15 + checksumOf(id15);
  };
}
