import type { Locale } from '@kizuna/widgets';

/** What the widget itself says (outside the dashboard), in both of Kizuna's languages. */
const messages = {
  en: {
    notInZoho: 'Kizuna runs inside Zoho CRM: open this page as a Zoho CRM widget.',
    loading: 'Loading…',
    unsupported: 'Kizuna shows customer experience by account. Open it on an Account, Contact, Deal or Case.',
    noAccount: 'This record is not linked to an account, so there is no customer experience to show.',
    failed: 'Kizuna could not start in Zoho CRM.',
    openFailed: 'Kizuna could not open the account in Zoho CRM.',
    details: 'Details',
  },
  ja: {
    notInZoho: 'Kizuna は Zoho CRM の中で動きます。Zoho CRM のウィジェットとして開いてください。',
    loading: '読み込み中…',
    unsupported: 'Kizuna は取引先ごとの顧客体験を表示します。取引先・連絡先・商談・問い合わせで開いてください。',
    noAccount: 'このレコードは取引先に関連付けられていないため、表示できる顧客体験がありません。',
    failed: 'Kizuna を Zoho CRM で起動できませんでした。',
    openFailed: 'Zoho CRM で取引先を開けませんでした。',
    details: '詳細',
  },
} as const;

export type WidgetMessageKey = keyof (typeof messages)['en'];

export function widgetMessage(locale: Locale, key: WidgetMessageKey): string {
  return messages[locale][key];
}
