import { createSalesforceDataSource } from '@kizuna/crm-salesforce';

/**
 * The Salesforce REST adapter alone (no React, no widgets): what a page that reads Salesforce over
 * REST adds beside a role bundle; the first-render page loads it in its own chunk.
 */
export const createDataSource = createSalesforceDataSource;
