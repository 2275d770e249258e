// Imported first by the standalone bundle's entry, so it runs before any module builds or uses a
// schema: zod compiles object parsers with the Function constructor unless told not to, and under
// a page's strict CSP (no 'unsafe-eval') even its probe for that raises a violation report.
import { z } from 'zod';

z.config({ jitless: true });
