import type { Department } from '@kizuna/model';

/** A business unit of the generated company and the product lines it sells. */
export interface BusinessUnitTemplate {
  readonly key: string;
  readonly name: string;
  readonly productLines: readonly string[];
  /** Relative share of the company's accounts. */
  readonly share: number;
  /** Relative weight of each customer segment among this unit's accounts, by segment key. */
  readonly segmentMix: Readonly<Record<SegmentKey, number>>;
}

export const segmentTemplates = [
  { key: 'enterprise', name: 'Enterprise', medianArr: 60_000_000, contactMean: 9, activity: 1.5 },
  { key: 'mid_market', name: 'Mid-market', medianArr: 12_000_000, contactMean: 6, activity: 1 },
  { key: 'smb', name: 'SMB', medianArr: 2_400_000, contactMean: 4, activity: 0.6 },
  { key: 'public_sector', name: 'Public sector', medianArr: 25_000_000, contactMean: 7, activity: 1 },
] as const;
export type SegmentKey = (typeof segmentTemplates)[number]['key'];

/** The id of a segment, e.g. `seg-mid-market`. */
export function segmentId(key: SegmentKey): string {
  return `seg-${key.replace('_', '-')}`;
}

/** The company: Kizuna's demo vendor of B2B software, five business units. */
export const businessUnitTemplates: readonly BusinessUnitTemplate[] = [
  {
    key: 'cloud',
    name: 'Cloud Platform',
    productLines: ['Cloud ERP', 'Data Hub', 'Integration Suite'],
    share: 0.24,
    segmentMix: { enterprise: 3, mid_market: 4, smb: 2, public_sector: 1 },
  },
  {
    key: 'manufacturing',
    name: 'Smart Manufacturing',
    productLines: ['Factory IoT', 'Quality Analytics'],
    share: 0.2,
    segmentMix: { enterprise: 4, mid_market: 4, smb: 2, public_sector: 0.5 },
  },
  {
    key: 'retail',
    name: 'Retail & Commerce',
    productLines: ['POS Connect', 'Omnichannel Commerce', 'Loyalty Cloud'],
    share: 0.2,
    segmentMix: { enterprise: 2, mid_market: 4, smb: 4, public_sector: 0.2 },
  },
  {
    key: 'finance',
    name: 'Financial Services',
    productLines: ['Payments Gateway', 'Risk & Compliance'],
    share: 0.18,
    segmentMix: { enterprise: 4, mid_market: 3, smb: 1, public_sector: 1 },
  },
  {
    key: 'workplace',
    name: 'Workplace & Public Solutions',
    productLines: ['HR Suite', 'Citizen Services'],
    share: 0.18,
    segmentMix: { enterprise: 2, mid_market: 3, smb: 2, public_sector: 4 },
  },
];

/** Accounts served by one success team at most (more accounts → more teams, at least 8 per unit). */
export const accountsPerSuccessTeam = 25;
export const minSuccessTeamsPerUnit = 8;

/** The non-serving teams of each business unit: department, how many, headcount range. */
export const supportingTeams: readonly { department: Department; count: number; headcount: [number, number] }[] = [
  { department: 'sales', count: 2, headcount: [5, 12] },
  { department: 'support', count: 2, headcount: [8, 18] },
  { department: 'marketing', count: 1, headcount: [3, 8] },
  { department: 'professional_services', count: 1, headcount: [4, 10] },
];

/** Headcount range of a customer-success (serving) team; small teams give pulses under 5 respondents. */
export const successTeamHeadcount: [number, number] = [3, 10];

export const teamNames = [
  'Sakura', 'Aoi', 'Hinode', 'Kaede', 'Tsubaki', 'Momiji', 'Hoshi', 'Sora', 'Umi', 'Kawa',
  'Mori', 'Yuki', 'Kaze', 'Hikari', 'Asahi', 'Fuji', 'Nagi', 'Suzu', 'Hana', 'Tsuki',
] as const;

export const departmentLabels: Readonly<Record<Department, string>> = {
  sales: 'Sales',
  marketing: 'Marketing',
  support: 'Support',
  success: 'Customer Success',
  professional_services: 'Professional Services',
};

export const industries = [
  'Manufacturing', 'Retail', 'Financial services', 'Logistics', 'Healthcare', 'Public administration',
  'Telecommunications', 'Construction', 'Energy', 'Food & beverage', 'Education', 'Media',
] as const;
