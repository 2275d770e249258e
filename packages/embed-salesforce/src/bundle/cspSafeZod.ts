// Imported first by the bundle's entry, so it runs before any module builds or uses a schema:
// zod compiles object parsers with the Function constructor unless told not to, and it probes
// for that (`Function('')`) when an object schema is built — at import time for the schemas the
// bundle's modules declare. Under Lightning's CSP (no 'unsafe-eval') the probe alone is reported
// as a violation, so `installKizunaEmbed` setting `jitless` later is too late for those.
import { z } from 'zod';

z.config({ jitless: true });
