import type { Team } from '@kizuna/model';

/** A CRM user of the simulated org (`GET /crm/v8/users`): a subset of the keys of the v8 OAS users example, plus `time_zone`. */
export interface ZohoUser {
  readonly id: string;
  /** Zoho account id (`zuid`), distinct from the CRM user id. */
  readonly zuid: string;
  readonly first_name: string;
  readonly last_name: string;
  readonly full_name: string;
  readonly email: string;
  readonly role: { readonly name: string; readonly id: string };
  readonly profile: { readonly name: string; readonly id: string };
  readonly locale: string;
  readonly time_zone: string;
  readonly country_locale: string;
  readonly status: 'active';
  readonly confirm: boolean;
  readonly date_format: string;
  readonly time_format: string;
  readonly decimal_separator: 'Period' | 'Comma';
  readonly alias: string | null;
  readonly phone: string | null;
}

export interface ZohoUserOptions {
  /** IANA zone of every user: datetimes go out with its offset. Default `Asia/Tokyo`. */
  readonly timeZone: string;
  /** Default `ja_JP`. */
  readonly locale: string;
  readonly emailDomain: string;
}

const givenNames = ['Aiko', 'Haruto', 'Yui', 'Sota', 'Mei', 'Ren', 'Hina', 'Yuto', 'Sakura', 'Daiki'];
const familyNames = ['Tanaka', 'Sato', 'Suzuki', 'Takahashi', 'Watanabe', 'Ito', 'Nakamura', 'Kobayashi', 'Kato', 'Yoshida'];

/**
 * The org's users: an administrator (the API user of the tokens the sim issues) and one
 * account owner per serving team, so `Owner` values vary realistically.
 */
export function createZohoUsers(teams: readonly Team[], nextId: () => string, options: ZohoUserOptions): {
  readonly admin: ZohoUser;
  readonly byTeam: ReadonlyMap<string, ZohoUser>;
  readonly all: readonly ZohoUser[];
} {
  const adminRole = { name: 'CEO', id: nextId() };
  const managerRole = { name: 'Manager', id: nextId() };
  const adminProfile = { name: 'Administrator', id: nextId() };
  const standardProfile = { name: 'Standard', id: nextId() };
  let zuid = 80_000_001;
  const user = (index: number, role: ZohoUser['role'], profile: ZohoUser['profile']): ZohoUser => {
    const first = givenNames[index % givenNames.length] ?? 'Aiko';
    const last = familyNames[Math.floor(index / givenNames.length + index) % familyNames.length] ?? 'Tanaka';
    const suffix = index < givenNames.length ? '' : String(index);
    zuid += 1;
    return {
      id: nextId(),
      zuid: String(zuid),
      first_name: first,
      last_name: last,
      full_name: `${first} ${last}`,
      email: `${first.toLowerCase()}.${last.toLowerCase()}${suffix}@${options.emailDomain}`,
      role,
      profile,
      locale: options.locale,
      time_zone: options.timeZone,
      country_locale: options.locale,
      status: 'active',
      confirm: true,
      date_format: options.locale === 'ja_JP' ? 'yyyy/MM/dd' : 'MM/dd/yyyy',
      time_format: options.locale === 'ja_JP' ? 'HH:mm' : 'hh:mm a',
      decimal_separator: 'Period',
      alias: null,
      phone: null,
    };
  };
  const admin = user(0, adminRole, adminProfile);
  const byTeam = new Map(teams.map((team, i) => [team.id, user(i + 1, managerRole, standardProfile)]));
  return { admin, byTeam, all: [admin, ...byTeam.values()] };
}
