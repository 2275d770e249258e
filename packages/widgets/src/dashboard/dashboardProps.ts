import { z } from 'zod/mini';

/** Who is looking: each role gets its own dashboard. */
export const dashboardRoles = ['account-manager', 'bu-leader', 'cx-leader'] as const;
export type DashboardRole = (typeof dashboardRoles)[number];

/** Which host the dashboard sits in, and light or dark. */
export const themeNames = ['salesforce', 'zoho', 'neutral'] as const;
export type ThemeName = (typeof themeNames)[number];
export const colourSchemes = ['light', 'dark'] as const;
export type ColourScheme = (typeof colourSchemes)[number];

/** A setting's message: "is required" when it is missing, else what it must be. */
const mustBe =
  (what: string) =>
  (issue: { readonly input: unknown }): string =>
    issue.input === undefined ? 'is required' : `must be ${what}`;
const oneOf = (values: readonly string[]) => mustBe(`one of ${values.join(', ')}`);

/**
 * What a host (demo page, LWC, Zoho widget, custom element) passes to mount a dashboard. Hosts
 * validate their own inputs (URL parameters, design properties, attributes, PageLoad data) with
 * this schema before mounting. Every setting carries its own message: hosts show them as they are.
 */
export const dashboardSettingsSchema = z.object(
  {
    role: z.enum(dashboardRoles, { error: oneOf(dashboardRoles) }),
    /** Required for the account manager's dashboard; the CRM record id of the account. */
    accountId: z.optional(
      z.string({ error: mustBe('a record id') }).check(z.minLength(1, 'must not be empty'), z.maxLength(64, 'must be at most 64 characters')),
    ),
    locale: z.enum(['en', 'ja'], { error: oneOf(['en', 'ja']) }),
    theme: z.enum(themeNames, { error: oneOf(themeNames) }),
    colourScheme: z.enum(colourSchemes, { error: oneOf(colourSchemes) }),
    /** The host's "now" (ISO instant); injected so demo and tests are reproducible. */
    asOf: z.iso.datetime({ offset: true, error: mustBe('an ISO 8601 date-time with Z or ±HH:MM') }),
  },
  { error: mustBe('an object of dashboard settings') },
);
export type DashboardSettings = z.infer<typeof dashboardSettingsSchema>;
