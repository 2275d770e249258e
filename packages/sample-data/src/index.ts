export { generateOrganisation, collectDataset } from './generateOrganisation';
export { streamOrganisation } from './streamOrganisation';
export type { OrganisationRecord } from './streamOrganisation';
export {
  adoptionWindowDays,
  driverItems,
  plantedEffects,
  trueDriverWeights,
} from './plantedEffects';
export type { DriverItem, ItemShifts, PlantedEffects } from './plantedEffects';
export { defaultAccounts, defaultAsOf, defaultPeriods, resolveOptions } from './options';
export type { EffectsMode, GenerateOptions, ResolvedOptions } from './options';
