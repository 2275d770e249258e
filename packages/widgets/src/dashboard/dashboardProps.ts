import { z } from 'zod';

/** Who is looking: each role gets its own dashboard. */
export const dashboardRoles = ['account-manager', 'bu-leader', 'cx-leader'] as const;
export type DashboardRole = (typeof dashboardRoles)[number];

/** Which host the dashboard sits in, and light or dark. */
export const themeNames = ['salesforce', 'zoho', 'neutral'] as const;
export type ThemeName = (typeof themeNames)[number];
export const colourSchemes = ['light', 'dark'] as const;
export type ColourScheme = (typeof colourSchemes)[number];

/**
 * What a host (demo page, LWC, Zoho widget, custom element) passes to mount a dashboard. Hosts
 * validate their own inputs (URL parameters, design properties, attributes, PageLoad data) with
 * this schema before mounting.
 */
export const dashboardSettingsSchema = z.object({
  role: z.enum(dashboardRoles),
  /** Required for the account manager's dashboard; the CRM record id of the account. */
  accountId: z.string().min(1).max(64).optional(),
  locale: z.enum(['en', 'ja']),
  theme: z.enum(themeNames),
  colourScheme: z.enum(colourSchemes),
  /** The host's "now" (ISO instant); injected so demo and tests are reproducible. */
  asOf: z.iso.datetime({ offset: true }),
});
export type DashboardSettings = z.infer<typeof dashboardSettingsSchema>;
