import type { ApexGateway } from '@kizuna/crm-salesforce';
import { z } from 'zod';
import { KizunaEmbedError } from './embedError';

type GatewayMethod = (planJson: string) => Promise<unknown>;
const methodSchema = z.custom<GatewayMethod>((value) => typeof value === 'function', 'must be a function');

/**
 * The Apex methods as the component hands them over (`KizunaGateway.read` / `.write` wrapped as
 * `(planJson) => read({ planJson })`). Checked before anything is mounted, so a component and a
 * bundle that disagree fail with a message instead of on the first click.
 */
export const lwcGatewaySchema = z.object({ read: methodSchema, write: methodSchema });

export function lwcGatewayOf(input: unknown): ApexGateway {
  const parsed = lwcGatewaySchema.safeParse(input);
  if (!parsed.success) {
    throw new KizunaEmbedError('INVALID_GATEWAY', `The component passed no usable Apex gateway: ${parsed.error.message}`, { cause: parsed.error });
  }
  const { read, write } = parsed.data;
  return { read: (planJson) => read(planJson), write: (planJson) => write(planJson) };
}
