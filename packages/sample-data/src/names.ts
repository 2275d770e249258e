import type { ContactRole } from '@kizuna/model';
import type { Random } from './random';

const japaneseStems = [
  'Sakura', 'Fuji', 'Aoba', 'Hikari', 'Minato', 'Yamato', 'Kawasaki', 'Nishiki', 'Tokiwa', 'Asahi',
  'Mizuho', 'Hokuto', 'Kirin', 'Tachibana', 'Izumi', 'Shinonome', 'Takara', 'Kotobuki', 'Midori', 'Suzuran',
  'Umeda', 'Kasumi', 'Hayate', 'Seiryu', 'Daichi', 'Tenryu', 'Akatsuki', 'Kōyō', 'Sanwa', 'Tōhoku',
] as const;
const japaneseTrades = [
  'Kogyo', 'Shoji', 'Denki', 'Seiki', 'Unyu', 'Kensetsu', 'Shokuhin', 'Butsuryu', 'Ginko', 'Seiyaku',
  'Tsushin', 'Sangyo', 'Kagaku', 'Jidosha', 'Hoken',
] as const;
const japaneseForms = ['Co., Ltd.', 'K.K.', 'Holdings', 'Corporation'] as const;
const englishStems = [
  'Northwind', 'Blue Harbor', 'Summit', 'Crescent', 'Evergreen', 'Pioneer', 'Silverline', 'Redwood', 'Atlas',
  'Meridian', 'Harborview', 'Keystone', 'Lighthouse', 'Orchard', 'Riverside', 'Cobalt', 'Granite', 'Horizon',
] as const;
const englishTrades = [
  'Logistics', 'Manufacturing', 'Foods', 'Systems', 'Health', 'Energy', 'Retail Group', 'Financial', 'Motors',
  'Pharma', 'Telecom', 'Engineering',
] as const;
const englishForms = ['Inc.', 'Ltd.', 'Group', 'Japan K.K.', 'Asia Pacific'] as const;

const japaneseFamilyNames = [
  'Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato',
  'Yoshida', 'Yamada', 'Sasaki', 'Yamaguchi', 'Matsumoto', 'Inoue', 'Kimura', 'Hayashi', 'Shimizu', 'Mori',
  'Ikeda', 'Hashimoto', 'Ishikawa', 'Ogawa', 'Fujita', 'Okada', 'Goto', 'Hasegawa', 'Murakami', 'Kondo',
] as const;
const japaneseGivenNames = [
  'Haruto', 'Yui', 'Sota', 'Hina', 'Ren', 'Aoi', 'Minato', 'Sakura', 'Yuto', 'Mei', 'Takumi', 'Rin',
  'Kenji', 'Yoko', 'Hiroshi', 'Naoko', 'Daisuke', 'Emi', 'Shota', 'Ayaka', 'Kazuki', 'Misaki', 'Riku', 'Nanami',
] as const;
const englishFamilyNames = [
  'Smith', 'Carter', 'Nguyen', 'Patel', 'Johnson', 'Brown', 'Garcia', 'Miller', 'Wilson', 'Taylor', 'Clarke',
  'Murphy', 'Lee', 'Walker', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker',
] as const;
const englishGivenNames = [
  'Emily', 'James', 'Olivia', 'Daniel', 'Sophie', 'Michael', 'Grace', 'David', 'Chloe', 'Thomas', 'Hannah',
  'Ryan', 'Laura', 'Chris', 'Anna', 'Mark',
] as const;

const titlesByRole: Readonly<Record<ContactRole, readonly [string, ...string[]]>> = {
  decision_maker: ['Chief Information Officer', 'Head of Operations', 'Director of IT', 'VP Procurement'],
  executive_sponsor: ['Chief Executive Officer', 'Chief Operating Officer', 'Executive Vice President'],
  influencer: ['IT Manager', 'Finance Manager', 'Enterprise Architect', 'Procurement Manager'],
  champion: ['Project Lead', 'Business Systems Manager', 'Digital Transformation Lead'],
  user: ['Analyst', 'Operations Specialist', 'Sales Coordinator', 'Administrator', 'Engineer'],
};

export interface CompanyName {
  readonly name: string;
  /** Lower-case e-mail domain, e.g. `sakura-kogyo.co.jp`. */
  readonly domain: string;
  readonly japanese: boolean;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ]/g, '')
    .trim()
    .toLowerCase()
    .replace(/ +/g, '-');
}

/** A believable customer name, Japanese (about 70 %) or English. */
export function companyName(random: Random): CompanyName {
  if (random.chance(0.7)) {
    const stem = random.pick(japaneseStems);
    const trade = random.pick(japaneseTrades);
    const name = `${stem} ${trade} ${random.pick(japaneseForms)}`;
    return { name, domain: `${slug(stem)}-${slug(trade)}.co.jp`, japanese: true };
  }
  const stem = random.pick(englishStems);
  const trade = random.pick(englishTrades);
  const name = `${stem} ${trade} ${random.pick(englishForms)}`;
  return { name, domain: `${slug(stem)}${slug(trade)}.com`.replace(/-/g, ''), japanese: false };
}

export interface PersonName {
  readonly name: string;
  /** Local part of the e-mail address, e.g. `haruto.sato`. */
  readonly emailLocal: string;
}

/** A person at a customer; Japanese companies have mostly Japanese staff (written family name first). */
export function personName(random: Random, japaneseCompany: boolean): PersonName {
  if (random.chance(japaneseCompany ? 0.9 : 0.25)) {
    const family = random.pick(japaneseFamilyNames);
    const given = random.pick(japaneseGivenNames);
    return { name: `${family} ${given}`, emailLocal: `${slug(given)}.${slug(family)}` };
  }
  const family = random.pick(englishFamilyNames);
  const given = random.pick(englishGivenNames);
  return { name: `${given} ${family}`, emailLocal: `${slug(given)}.${slug(family)}` };
}

export function titleFor(random: Random, role: ContactRole): string {
  return random.pick(titlesByRole[role]);
}
