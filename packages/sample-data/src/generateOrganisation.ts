import { datasetKeys, emptyDataset, type CanonicalDataset, type EntityName, type EntityOf } from '@kizuna/model';
import type { GenerateOptions } from './options';
import { streamOrganisation, type OrganisationRecord } from './streamOrganisation';

function append<TName extends EntityName>(dataset: CanonicalDataset, entity: TName, record: EntityOf<TName>): void {
  // The mapped type cannot correlate the key with the record type; datasetKeys makes it so.
  (dataset[datasetKeys[entity]] as EntityOf<TName>[]).push(record);
}

/** Collects records into a dataset, in the order they come. */
export function collectDataset(records: Iterable<OrganisationRecord>): CanonicalDataset {
  const dataset = emptyDataset();
  for (const { entity, record } of records) append(dataset, entity, record);
  return dataset;
}

/**
 * A whole organisation in memory. Built on {@link streamOrganisation}, so the two always agree;
 * the same options give byte-identical `JSON.stringify` output.
 */
export function generateOrganisation(options: GenerateOptions): CanonicalDataset {
  return collectDataset(streamOrganisation(options));
}
