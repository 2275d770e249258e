import { CrmError } from '../crmError';

/** Layer options are checked once, when the stack is built. */
export function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new CrmError('INVALID_INPUT', `${name} must be a whole number of at least 1 (got ${value}).`);
  }
  return value;
}

export function nonNegativeNumber(value: number, name: string): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new CrmError('INVALID_INPUT', `${name} must be a finite number of at least 0 (got ${value}).`);
  }
  return value;
}

export function fraction(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0 || value > 1) {
    throw new CrmError('INVALID_INPUT', `${name} must be a fraction above 0 and at most 1 (got ${value}).`);
  }
  return value;
}
