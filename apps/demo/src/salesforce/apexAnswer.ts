import { z } from 'zod';

/** What the stand-ins of `@salesforce/apex/KizunaGateway.read|write` send: the method's one parameter. */
export const apexCallSchema = z.strictObject({ planJson: z.string().max(1_000_000) });

/** What the simulated server answers: the Apex method's return value (JSON text), or its error. */
export const apexAnswerSchema = z.union([z.strictObject({ returnValue: z.string() }), z.strictObject({ error: z.strictObject({ message: z.string() }) })]);
