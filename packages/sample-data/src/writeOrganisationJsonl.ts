import type { GenerateOptions } from './options';
import { streamOrganisation } from './streamOrganisation';
import { writeJsonl, type JsonlSummary } from './writeJsonl';

/**
 * Streams the organisation to `dir` as JSON Lines: one file per entity, named by its dataset key
 * (`accounts.jsonl`, `feedback.jsonl` …; `actions.jsonl` is empty), one record per line with the
 * model's field names. Memory stays bounded whatever the size: records are generated account by
 * account and written with backpressure.
 */
export function writeOrganisationJsonl(dir: string, options: GenerateOptions): Promise<JsonlSummary> {
  return writeJsonl(dir, streamOrganisation(options));
}
