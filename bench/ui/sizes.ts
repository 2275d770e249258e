import { gzipSync } from 'node:zlib';

/** KB as printed by the UI benchmarks: 1,024 bytes. */
export const kb = (bytes: number, digits = 1): string => (bytes / 1024).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Bytes of the text as UTF-8, and gzipped at level 9 (what a CDN or a Salesforce static resource serves compressed). */
export function sizesOf(text: string | Buffer): { raw: number; gzip: number } {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return { raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
}
