import { useTranslator } from '../i18n/i18nContext';

/** Placeholder shapes while data loads; announced once as "Loading…". */
export function Skeleton({ lines = 3 }: { lines?: number }) {
  const { t } = useTranslator();
  return (
    <div className="kz-skeleton" role="status">
      <span className="kz-visually-hidden">{t('state.loading')}</span>
      {Array.from({ length: lines }, (_, index) => (
        <span key={index} className="kz-skeleton__line" aria-hidden="true" />
      ))}
    </div>
  );
}
