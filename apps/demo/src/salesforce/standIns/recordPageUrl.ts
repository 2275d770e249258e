import { z } from 'zod';
import { openedAccountPath } from '../../routes';

/** The page reference the component navigates with: an Account's record page, to view. */
const accountRecordPageSchema = z.object({
  type: z.literal('standard__recordPage'),
  attributes: z.object({ recordId: z.string(), objectApiName: z.literal('Account'), actionName: z.literal('view') }),
});

function described(pageReference: unknown): string {
  try {
    return (JSON.stringify(pageReference) ?? String(pageReference)).slice(0, 120);
  } catch {
    return String(pageReference);
  }
}

/**
 * Where the demo's Lightning takes a page reference, as `lightning/navigation` resolves one to a
 * URL: an Account record page is the demo's `/salesforce/account/:id`, opened for the account
 * manager in the page's language and theme. The demo has no other pages to go to: any other
 * reference, or a record id that is not a Salesforce id, throws.
 */
export function recordPageUrl(pageReference: unknown, from: { readonly pathname: string; readonly search: string }): string {
  const parsed = accountRecordPageSchema.safeParse(pageReference);
  if (!parsed.success) throw new Error(`The demo's Lightning opens Account record pages only (standard__recordPage, view), not ${described(pageReference)}.`);
  const path = openedAccountPath('salesforce', parsed.data.attributes.recordId, from);
  if (path === undefined) throw new Error(`The demo's Lightning cannot open ${described(parsed.data.attributes.recordId)}: it is not a Salesforce record id.`);
  return path;
}
