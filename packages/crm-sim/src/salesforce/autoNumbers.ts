/**
 * Auto-number display formats of the seeded org (`FB-000001`, `EP-000001`, `00001001`). Seeding
 * and REST creates share them, so a created record continues the seeded sequence.
 */
const formats: Readonly<Record<string, (n: number) => string>> = {
  Kizuna_Feedback__c: (n) => `FB-${String(n).padStart(6, '0')}`,
  Kizuna_Employee_Pulse__c: (n) => `EP-${String(n).padStart(6, '0')}`,
  Case: (n) => String(1000 + n).padStart(8, '0'),
};

/** The n-th (1-based) auto-number of `objectName`; objects without a known format count plainly. */
export function formatAutoNumber(objectName: string, n: number): string {
  return (formats[objectName] ?? String)(n);
}
