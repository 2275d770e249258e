/**
 * Record ids are 19-digit strings (they exceed the JS safe integer range, so never numbers):
 * an org prefix, then a sequence, e.g. `6012345000000412001` (reference §A). Each org gets its
 * own prefix so ids from two data centres never collide.
 */
export function createZohoIdSequence(orgPrefix: string, start = 1): () => string {
  if (!/^\d{7}$/.test(orgPrefix) || orgPrefix.startsWith('0')) throw new Error(`org prefix must be 7 digits not starting with 0, got ${orgPrefix}`);
  let next = start;
  return () => {
    const id = `${orgPrefix}${String(next).padStart(12, '0')}`;
    next += 1;
    return id;
  };
}

export const isZohoId = (value: string): boolean => /^\d{19}$/.test(value);
