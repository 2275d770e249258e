import { z } from 'zod';

/**
 * A Salesforce record id: 15 characters (case-sensitive) or 18 (the case-safe form with its
 * 3-character suffix), letters and digits only.
 */
export const salesforceIdSchema = z.string().regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, 'must be a 15- or 18-character Salesforce id');
