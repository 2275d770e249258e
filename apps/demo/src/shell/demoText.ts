import type { DemoHost, DemoLocale, DemoRole } from '../routes';

/** The demo shell's own words (the dashboards bring their own). */
const text = {
  en: {
    demo: 'Kizuna demo',
    simulated: 'simulated',
    accounts: 'Accounts',
    home: 'Home',
    account: 'Account',
    role: 'Role',
    language: 'Language',
    theme: 'Theme',
    light: 'Light',
    dark: 'Dark',
    allAccounts: 'All demo accounts',
    homePages: 'Home pages',
    openIn: 'Open in',
    arr: 'ARR',
    data: 'Data',
    notFound: 'There is no demo page here.',
    loading: 'Starting the simulated CRMs…',
    failed: 'The demo could not start',
    'role.account-manager': 'Account manager',
    'role.bu-leader': 'Business-unit leader',
    'role.cx-leader': 'CX leader',
    'host.salesforce': 'Salesforce',
    'host.zoho': 'Zoho CRM',
    'host.web': 'Web page',
  },
  ja: {
    demo: 'Kizuna デモ',
    simulated: 'シミュレーション',
    accounts: '取引先',
    home: 'ホーム',
    account: '取引先',
    role: 'ロール',
    language: '言語',
    theme: 'テーマ',
    light: 'ライト',
    dark: 'ダーク',
    allAccounts: 'デモの取引先一覧',
    homePages: 'ホームページ',
    openIn: '開く',
    arr: 'ARR',
    data: 'データ',
    notFound: 'このデモページはありません。',
    loading: 'CRM シミュレーターを起動しています…',
    failed: 'デモを開始できませんでした',
    'role.account-manager': 'アカウントマネージャー',
    'role.bu-leader': '事業部リーダー',
    'role.cx-leader': 'CX リーダー',
    'host.salesforce': 'Salesforce',
    'host.zoho': 'Zoho CRM',
    'host.web': 'Web ページ',
  },
} as const;

export type DemoTextKey = keyof (typeof text)['en'];

export function demoText(locale: DemoLocale, key: DemoTextKey): string {
  return text[locale][key];
}

export const roleKey = (role: DemoRole): DemoTextKey => `role.${role}`;
export const hostKey = (host: DemoHost): DemoTextKey => `host.${host}`;
