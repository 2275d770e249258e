import { dashboardRoles } from '@kizuna/widgets';
import { z } from 'zod';
import { dashboardPeriods } from './periodAsOf';
import { salesforceIdSchema } from './salesforceId';

/**
 * What the `kizunaDashboard` component passes to `KizunaEmbed.mount`: its design properties as
 * the page builder stored them, the record it sits on, and the user's Salesforce locale and time
 * zone (`@salesforce/i18n/locale`, `@salesforce/i18n/timeZone`). Everything is checked here,
 * because an administrator types design properties and a page can be misconfigured.
 */
export const hostSettingsSchema = z.strictObject({
  /** Set by Lightning on record pages; `undefined` (or `null` in some containers) elsewhere. */
  recordId: salesforceIdSchema.nullish(),
  objectApiName: z.string().max(80).nullish(),
  role: z.enum(dashboardRoles),
  period: z.enum(dashboardPeriods),
  theme: z.enum(['light', 'dark']),
  /** BCP 47 or Salesforce form (`ja-JP`, `ja_JP`, `en-US`). */
  locale: z.string().min(2).max(35),
  /** IANA zone, e.g. `Asia/Tokyo`. */
  timeZone: z.string().min(1).max(64).optional(),
});
export type HostSettings = z.infer<typeof hostSettingsSchema>;
