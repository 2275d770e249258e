// Stand-in for `@salesforce/apex/KizunaGateway.write` (the LWC imports the method as its default export).
import { callApex } from './apexCall';

// eslint-disable-next-line no-restricted-syntax -- Lightning's Apex modules export the method as default
export default function write({ planJson }: { readonly planJson: string }): Promise<string> {
  return callApex('write', planJson);
}
