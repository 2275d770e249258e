import { colourSchemes, dashboardRoles, dashboardSettingsSchema, localeFor, themeNames, type DashboardSettings } from '@kizuna/widgets';
import { z } from 'zod';
import { crmNameSchema } from '../frame/protocol';
import { accountHrefSchema } from './accountHref';

/** The attributes `<kizuna-dashboard>` reads. None carries a secret: data sources are registered in code. */
export const elementAttributeNames = ['role', 'crm', 'account', 'locale', 'theme', 'colour-scheme', 'as-of', 'account-href', 'account-links'] as const;
export type ElementAttributeName = (typeof elementAttributeNames)[number];
export type ElementAttributes = Readonly<Partial<Record<ElementAttributeName, string | null>>>;

/** `en`, `ja`, or a regional form of them (`ja-JP`, `en_GB`). */
const localeAttribute = z
  .string()
  .regex(/^(en|ja)([-_][A-Za-z0-9]{2,8})*$/i, 'must be "en" or "ja" (a region such as "ja-JP" is allowed)');

const attributesSchema = z.object({
    role: z.enum(dashboardRoles, { error: `must be one of ${dashboardRoles.join(', ')}` }),
    crm: crmNameSchema,
    account: z.string().trim().min(1).max(64).optional(),
    locale: localeAttribute.optional(),
    theme: z.enum(themeNames, { error: `must be one of ${themeNames.join(', ')}` }).default('neutral'),
    'colour-scheme': z.enum(colourSchemes, { error: `must be one of ${colourSchemes.join(', ')}` }).default('light'),
  'as-of': z.iso.datetime({ offset: true, error: 'must be an ISO instant such as 2026-10-01T00:00:00Z' }).optional(),
  'account-href': accountHrefSchema.optional(),
  // Present (any value): the page opens accounts itself, on `kizuna-open-account`.
  'account-links': z.string().optional(),
});

/** A rule across attributes, checked even when others are wrong so every problem is told at once. */
function crossAttributeIssues(attributes: Readonly<Record<string, string>>): string[] {
  const needsAccount = attributes.role === 'account-manager' && (attributes.account ?? '').trim() === '';
  return needsAccount ? ['account: is required for the account-manager dashboard (the CRM id of the account)'] : [];
}

/** What the page around the element supplies when an attribute is left out. */
export interface ElementDefaults {
  /** The host's "now" (ISO instant), used when `as-of` is absent. */
  readonly asOf: string;
  /** The page's language (`<html lang>`, the browser's), used when `locale` is absent. */
  readonly pageLanguage: string | undefined;
}

export type ElementSettingsResult =
  | {
      readonly ok: true;
      readonly crm: string;
      readonly settings: DashboardSettings;
      /** Where an opened account goes (`account-href`, `{id}` in place), when the page says. */
      readonly accountHref: string | undefined;
    }
  | { readonly ok: false; readonly issues: readonly string[] };

/** Absent attributes are `null` in the DOM; the schema reads them as missing. */
function present(attributes: ElementAttributes): Record<string, string> {
  const entries = elementAttributeNames.flatMap((name) => {
    const value = attributes[name];
    return value === null || value === undefined ? [] : [[name, value] as const];
  });
  return Object.fromEntries(entries);
}

/**
 * The dashboard settings an element's attributes describe, checked against the attribute schema
 * and then against the dashboard's own settings schema. Problems come back as `attribute: message`.
 */
export function parseElementAttributes(attributes: ElementAttributes, defaults: ElementDefaults): ElementSettingsResult {
  const given = present(attributes);
  const parsed = attributesSchema.safeParse(given);
  const issues = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'attributes'}: ${issue.message}`)),
    ...crossAttributeIssues(given),
  ];
  if (!parsed.success || issues.length > 0) return { ok: false, issues };
  const value = parsed.data;
  const candidate = {
    role: value.role,
    ...(value.account === undefined ? {} : { accountId: value.account }),
    locale: localeFor(value.locale ?? defaults.pageLanguage),
    theme: value.theme,
    colourScheme: value['colour-scheme'],
    asOf: value['as-of'] ?? defaults.asOf,
  };
  const settings = dashboardSettingsSchema.safeParse(candidate);
  if (!settings.success) {
    return { ok: false, issues: settings.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`) };
  }
  return { ok: true, crm: value.crm, settings: settings.data, accountHref: value['account-href'] };
}
