import { demoConfig } from '../../demoConfig';
import { apexAnswerSchema } from '../apexAnswer';

/**
 * An imperative Apex call as a component sees it: resolves to the method's return value, or
 * rejects with `{ body: { message }, status }` as Lightning's Apex errors do.
 */
export async function callApex(method: 'read' | 'write', planJson: string): Promise<string> {
  const response = await fetch(`${demoConfig.salesforceInstanceUrl}${demoConfig.apexGatewayPath}/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ planJson }),
  });
  const answer = apexAnswerSchema.safeParse(await response.json().catch(() => undefined));
  if (answer.success && 'returnValue' in answer.data && response.ok) return answer.data.returnValue;
  const message = answer.success && 'error' in answer.data ? answer.data.error.message : `KizunaGateway.${method} answered HTTP ${response.status}.`;
  throw Object.assign(new Error(message), { body: { message }, status: response.status });
}
