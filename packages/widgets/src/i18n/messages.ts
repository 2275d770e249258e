import type { accountEn } from './areas/account.en';
import type { commonEn } from './areas/common.en';
import type { leadersEn } from './areas/leaders.en';

/**
 * The languages Kizuna speaks and the areas its messages come in. Each (language, area) is a
 * module of its own under `areas/` (`common.en.ts`, `account.ja.ts`…), loaded on demand by
 * `catalogue.ts`, so a user downloads the words of one language and of the dashboard they see.
 * English is the reference set: the keys come from its modules, as types only (no code is bundled
 * for them); every other language must have exactly these keys.
 */
export const locales = ['en', 'ja'] as const;
export type Locale = (typeof locales)[number];

/** `common`: states, warnings, errors, frames (every view); `account`: the account manager's dashboard; `leaders`: the business-unit and CX leaders'. */
export const messageAreas = ['common', 'account', 'leaders'] as const;
export type MessageArea = (typeof messageAreas)[number];

/** The keys of each area, from its English module. */
export interface AreaKeys {
  readonly common: keyof typeof commonEn;
  readonly account: keyof typeof accountEn;
  readonly leaders: keyof typeof leadersEn;
}

/** The messages of one area in one language. */
export type AreaMessages<TArea extends MessageArea> = Readonly<Record<AreaKeys[TArea], string>>;

export type MessageKey = AreaKeys[MessageArea];
export type Messages = Record<MessageKey, string>;
