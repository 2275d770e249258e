/** One entry of a zip's central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly uncompressedBytes: number;
  readonly compressedBytes: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

/**
 * The entries of a zip file, read from its central directory (PKWARE APPNOTE §4.3.12, §4.3.16):
 * enough to check what an upload holds without unpacking it. Zip64 archives are refused (the
 * widget zip is far below 4 GB and 65,535 entries).
 */
export function zipEntries(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let offset = zip.byteLength - 22; offset >= Math.max(0, zip.byteLength - 22 - 65_535); offset -= 1) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new Error('Not a zip file: no end of central directory record.');
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new Error('Zip64 archives are not read here.');
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (view.getUint32(offset, true) !== CENTRAL_DIRECTORY_ENTRY) throw new Error(`Zip central directory entry ${index} is damaged.`);
    const compressedBytes = view.getUint32(offset + 20, true);
    const uncompressedBytes = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const name = decoder.decode(zip.subarray(offset + 46, offset + 46 + nameLength));
    entries.push({ name, uncompressedBytes, compressedBytes });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
