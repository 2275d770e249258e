// Imported first by main.tsx, before any module builds a schema: zod decides whether to compile
// parsers with `new Function` when a schema is built, and that probe is a CSP violation here.
import { z } from 'zod';

z.config({ jitless: true });
