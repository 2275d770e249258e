// The part of yazl 3 (a zip writer) the build uses; the package ships no type declarations.
declare module 'yazl' {
  import type { Readable } from 'node:stream';

  export interface FileOptions {
    mtime?: Date;
    mode?: number;
    compress?: boolean;
    forceZip64Format?: boolean;
  }

  export class ZipFile {
    readonly outputStream: Readable;
    addBuffer(buffer: Buffer, metadataPath: string, options?: FileOptions): void;
    addFile(realPath: string, metadataPath: string, options?: FileOptions): void;
    end(options?: { forceZip64Format?: boolean }, callback?: (finalSize: number) => void): void;
  }
}
