/** Why the embed could not mount: a typed, closed list the component shows to the user. */
export const embedErrorCodes = ['INVALID_ELEMENT', 'INVALID_SETTINGS', 'INVALID_GATEWAY', 'INVALID_NAVIGATION', 'INVALID_ACCOUNT_ID', 'UNMOUNTED'] as const;
export type EmbedErrorCode = (typeof embedErrorCodes)[number];

export class KizunaEmbedError extends Error {
  override readonly name = 'KizunaEmbedError';
  readonly code: EmbedErrorCode;

  constructor(code: EmbedErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
