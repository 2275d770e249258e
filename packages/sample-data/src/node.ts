/** Node-only parts: writing an organisation as JSONL files. Browser code imports `@kizuna/sample-data`. */
export { writeOrganisationJsonl } from './writeOrganisationJsonl';
export { writeJsonl } from './writeJsonl';
export type { JsonlSummary } from './writeJsonl';
