import { z } from 'zod';

/**
 * What the stand-in SDK inside the widget's iframe and the demo's Zoho shell (its parent) say to
 * each other over `postMessage`, as Zoho's SDK talks to the CRM window: the handshake `init()`
 * starts (answered with the page's context, which the SDK raises as PageLoad), `Resize`, and
 * `UI.Record.open` (the CRM window goes to the record's page).
 * Both sides check every message with these schemas and ignore anything else.
 */
export const zohoHostChannel = 'kizuna-demo:zoho-sdk';

/** PageLoad as Zoho raises it: `EntityId` a string (related list) or an array (buttons). */
export const zohoPageLoadSchema = z.object({
  Entity: z.string(),
  EntityId: z.union([z.string(), z.array(z.string())]),
  ButtonPosition: z.string().optional(),
});
export type ZohoPageLoad = z.infer<typeof zohoPageLoadSchema>;

export const zohoSdkRequestSchema = z.object({
  channel: z.literal(zohoHostChannel),
  id: z.number().int().nonnegative(),
  call: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('init') }),
    z.object({ kind: z.literal('resize'), height: z.number().nonnegative(), width: z.number().nonnegative().optional() }),
    z.object({ kind: z.literal('open-record'), entity: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), recordId: z.string().regex(/^\d{1,19}$/) }),
  ]),
});
export type ZohoSdkRequest = z.infer<typeof zohoSdkRequestSchema>;

/** The page the widget sits on: its PageLoad (`{}` on a web tab: no record) and the user's locale override (`?lang=`). */
export const zohoHostContextSchema = z.object({
  pageLoad: z.union([zohoPageLoadSchema, z.object({}).strict()]),
  userLocale: z.string().nullable(),
});
export type ZohoHostContext = z.infer<typeof zohoHostContextSchema>;

export const zohoHostReplySchema = z.object({
  channel: z.literal(zohoHostChannel),
  id: z.number().int().nonnegative(),
  result: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('init'), context: zohoHostContextSchema }),
    z.object({ kind: z.literal('resize'), resized: z.boolean() }),
    z.object({ kind: z.literal('open-record'), opened: z.boolean() }),
  ]),
});
export type ZohoHostReply = z.infer<typeof zohoHostReplySchema>;
