import { accountEn, accountJa } from './areas/account';
import { commonEn, commonJa } from './areas/common';
import { leadersEn, leadersJa } from './areas/leaders';

/**
 * English messages: the reference set. Every other locale must have exactly these keys. Each area
 * of the widgets keeps its messages in its own file under `areas/`; this merges them.
 */
export const en = { ...commonEn, ...accountEn, ...leadersEn } as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

/** Japanese messages. */
export const ja: Messages = { ...commonJa, ...accountJa, ...leadersJa };

export const catalogues = { en, ja } as const;
export type Locale = keyof typeof catalogues;
