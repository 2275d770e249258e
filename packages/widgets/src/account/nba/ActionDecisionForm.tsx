import { useId, useState } from 'react';
import { useTranslator } from '../../i18n/i18nContext';
import { dismissReasons, type DismissReason } from '../../outbox/actionDecisions';

const snoozeOptions = [7, 14, 30] as const;

export interface ActionDecisionFormProps {
  /** The action's title: buttons are named with it, so a screen reader's button list is unambiguous. */
  readonly title: string;
  readonly onAccept: () => void;
  readonly onSnooze: (days: number) => void;
  readonly onDismiss: (reason: DismissReason, note: string) => void;
}

/** Accept, snooze (for how long) or dismiss (why) one proposed action; ordinary buttons and form controls, all keyboard-operable. */
export function ActionDecisionForm({ title, onAccept, onSnooze, onDismiss }: ActionDecisionFormProps) {
  const { t } = useTranslator();
  const id = useId();
  const [open, setOpen] = useState<'none' | 'snooze' | 'dismiss'>('none');
  const [days, setDays] = useState<number>(14);
  const [reason, setReason] = useState<DismissReason>('not_relevant');
  const [note, setNote] = useState('');
  return (
    <div className="kz-decision">
      <div className="kz-decision__buttons">
        <button type="button" className="kz-button kz-button--primary" onClick={onAccept} aria-label={t('nba.acceptLabel', { title })}>
          {t('nba.accept')}
        </button>
        <button type="button" className="kz-button" aria-expanded={open === 'snooze'} aria-controls={`${id}-snooze`} onClick={() => setOpen(open === 'snooze' ? 'none' : 'snooze')} aria-label={t('nba.snoozeLabel', { title })}>
          {t('nba.snooze')}
        </button>
        <button type="button" className="kz-button" aria-expanded={open === 'dismiss'} aria-controls={`${id}-dismiss`} onClick={() => setOpen(open === 'dismiss' ? 'none' : 'dismiss')} aria-label={t('nba.dismissLabel', { title })}>
          {t('nba.dismiss')}
        </button>
      </div>
      {open === 'snooze' && (
        <form
          id={`${id}-snooze`}
          className="kz-decision__form"
          aria-label={t('nba.snoozeLabel', { title })}
          onSubmit={(event) => {
            event.preventDefault();
            onSnooze(days);
            setOpen('none');
          }}
        >
          <label htmlFor={`${id}-days`}>{t('nba.snoozeFor')}</label>{' '}
          <select id={`${id}-days`} value={days} onChange={(event) => setDays(Number(event.target.value))}>
            {snoozeOptions.map((option) => (
              <option key={option} value={option}>
                {t('nba.snoozeDays', { days: option })}
              </option>
            ))}
          </select>{' '}
          <button type="submit" className="kz-button">
            {t('nba.snoozeConfirm')}
          </button>
        </form>
      )}
      {open === 'dismiss' && (
        <form
          id={`${id}-dismiss`}
          className="kz-decision__form"
          aria-label={t('nba.dismissLabel', { title })}
          onSubmit={(event) => {
            event.preventDefault();
            onDismiss(reason, note);
            setOpen('none');
          }}
        >
          <label htmlFor={`${id}-reason`}>{t('nba.dismissReason')}</label>{' '}
          <select id={`${id}-reason`} value={reason} onChange={(event) => setReason(dismissReasons.find((item) => item === event.target.value) ?? 'other')}>
            {dismissReasons.map((item) => (
              <option key={item} value={item}>
                {t(`dismiss.${item}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-note`} className="kz-block">
            {t(reason === 'other' ? 'nba.dismissNoteRequired' : 'nba.dismissNote')}
          </label>
          <textarea id={`${id}-note`} value={note} maxLength={900} rows={2} required={reason === 'other'} onChange={(event) => setNote(event.target.value)} />
          <button type="submit" className="kz-button">
            {t('nba.dismissConfirm')}
          </button>
        </form>
      )}
    </div>
  );
}
