import { feedbackKinds, type FeedbackKind } from '@kizuna/model';
import { useId, useMemo, useState } from 'react';
import type { TableData } from '../../frame/csv';
import { WidgetFrame } from '../../frame/WidgetFrame';
import { useTranslator } from '../../i18n/i18nContext';
import type { Translator } from '../../i18n/translator';
import { useActionStores, useOutboxEntries } from '../../outbox/ActionStoresProvider';
import { OutboxStatus } from '../../outbox/OutboxStatus';
import { accountFrame } from '../accountFrame';
import { feedbackText } from '../feedbackText';
import { useAccountContext } from '../useAccountContext';
import { closedLoopAction, closedLoopKey, loopSteps, type LoopStep } from './closedLoopAction';
import { openFeedback, type FeedbackClock, type OpenFeedbackItem } from './openFeedback';

export interface OpenFeedbackWidgetProps {
  readonly accountId: string;
  readonly asOf: string;
}

/** The clock in words: whole days past 72 hours, hours below. */
function clockText(translator: Translator, clock: FeedbackClock): string {
  const span = clock.hours >= 72 ? translator.plural('unit.days', Math.floor(clock.hours / 24)) : translator.plural('unit.hours', clock.hours);
  return translator.t(`reply.clock.${clock.kind}`, { span });
}

const clockSymbols: Record<FeedbackClock['kind'], string> = { overdue: '⚠', due: '⏱', waiting: '⏱' };

function feedbackTable(translator: Translator, items: readonly OpenFeedbackItem[]): TableData {
  const { t } = translator;
  return {
    columns: [
      { key: 'respondedAt', label: t('reply.col.respondedAt'), rowHeader: true },
      { key: 'contact', label: t('timeline.col.contact') },
      { key: 'role', label: t('stakeholders.col.role') },
      { key: 'feedback', label: t('timeline.col.feedback') },
      { key: 'comment', label: t('reply.col.comment') },
      { key: 'state', label: t('reply.col.state') },
      { key: 'dueAt', label: t('reply.col.dueAt') },
      { key: 'clock', label: t('reply.col.clock') },
    ],
    rows: items.map((item) => ({
      respondedAt: item.feedback.respondedAt.slice(0, 10),
      contact: item.contact?.name ?? null,
      role: item.contact === undefined ? null : t(`role.${item.contact.role}`),
      feedback: feedbackText(translator, item.feedback),
      comment: item.feedback.comment ?? null,
      state: t(`reply.state.${item.feedback.followUp.state}`),
      dueAt: item.feedback.followUp.dueAt?.slice(0, 10) ?? null,
      clock: clockText(translator, item.clock),
    })),
  };
}

/** Feedback that still needs a reply, most urgent first, with its clock and the closed loop's steps as CRM tasks. */
export function OpenFeedbackWidget({ accountId, asOf }: OpenFeedbackWidgetProps) {
  const translator = useTranslator();
  const { t, plural } = translator;
  const kindId = useId();
  const overdueId = useId();
  const [kind, setKind] = useState<FeedbackKind | undefined>(undefined);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const query = useAccountContext(accountId);
  const { outbox } = useActionStores();
  const entries = useOutboxEntries();
  const all = useMemo(() => (query.data === undefined ? undefined : openFeedback(query.data, asOf)), [query.data, asOf]);
  const items = all?.filter((item) => (kind === undefined || item.feedback.kind === kind) && (!overdueOnly || item.clock.kind === 'overdue'));
  const frame = accountFrame(query, ['feedback', 'contact'], () => all?.length === 0, t('reply.empty'));
  const overdue = all?.filter((item) => item.clock.kind === 'overdue').length ?? 0;
  const request = (item: OpenFeedbackItem, step: LoopStep) => {
    const context = query.data;
    if (context === undefined) return;
    const name = item.contact?.name ?? t('reply.theCustomer');
    const reasons: [string, ...string[]] = [
      t('reply.task.reason', { feedback: feedbackText(translator, item.feedback), name, date: translator.formatDate(item.feedback.respondedAt) }),
      ...(item.feedback.comment === undefined ? [] : [item.feedback.comment]),
      clockText(translator, item.clock),
    ];
    outbox.enqueue(closedLoopAction(context.account, item.feedback, step, { title: t(`reply.task.${step}`, { name }), reasons }, asOf));
  };
  return (
    <WidgetFrame
      title={t('reply.title')}
      status={frame.status}
      busy={frame.busy}
      stale={frame.stale}
      unavailable={frame.unavailable}
      rejectedCount={frame.rejectedCount}
      table={items === undefined ? undefined : feedbackTable(translator, items)}
      asOf={asOf}
      exportName="open-feedback"
      filters={
        <>
          <label htmlFor={kindId} className="kz-field">
            {t('reply.filterKind')}{' '}
            <select id={kindId} value={kind ?? 'all'} onChange={(event) => setKind(feedbackKinds.find((item) => item === event.target.value))}>
              <option value="all">{t('reply.allKinds')}</option>
              {feedbackKinds.map((item) => (
                <option key={item} value={item}>
                  {t(`feedbackKind.${item}`)}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={overdueId} className="kz-field">
            <input id={overdueId} type="checkbox" checked={overdueOnly} onChange={(event) => setOverdueOnly(event.target.checked)} /> {t('reply.overdueOnly')}
          </label>
        </>
      }
    >
      {all !== undefined && items !== undefined && (
        <>
          <p className="kz-summary" data-testid="open-feedback-summary">
            {t('reply.summary', { open: plural('reply.items', all.length), overdue })}
          </p>
          {items.length === 0 && <p className="kz-muted">{t('reply.noneMatch')}</p>}
          <ul className="kz-cards">
            {items.map((item) => {
              const headingId = `${kindId}-${item.feedback.id}`;
              return (
                <li key={item.feedback.id} className="kz-card" aria-labelledby={headingId} data-testid={`feedback-${item.feedback.id}`}>
                  <h3 id={headingId} className="kz-card__title">
                    {feedbackText(translator, item.feedback)} · {item.contact?.name ?? t('reply.theCustomer')}
                    {item.contact !== undefined && <span className="kz-muted"> ({t(`role.${item.contact.role}`)})</span>}
                  </h3>
                  <p className={`kz-clock kz-clock--${item.clock.kind}`} data-testid="feedback-clock">
                    <span aria-hidden="true">{clockSymbols[item.clock.kind]} </span>
                    {clockText(translator, item.clock)} · {t(`reply.state.${item.feedback.followUp.state}`)} ·{' '}
                    {t('reply.answered', { date: translator.formatDate(item.feedback.respondedAt) })}
                  </p>
                  {item.feedback.comment !== undefined && <blockquote className="kz-quote">{item.feedback.comment}</blockquote>}
                  <ul className="kz-steps" aria-label={t('reply.steps')}>
                    {loopSteps.map((step) => {
                      const key = closedLoopKey(accountId, item.feedback.id, step);
                      const entry = entries.find((candidate) => candidate.idempotencyKey === key);
                      return (
                        <li key={step} className="kz-step">
                          <button
                            type="button"
                            className={`kz-button${step === 'escalate' ? ' kz-button--warning' : ''}`}
                            onClick={() => request(item, step)}
                            disabled={entry !== undefined && entry.state !== 'refused'}
                            aria-describedby={entry === undefined ? undefined : `${headingId}-${step}`}
                          >
                            {t(`reply.step.${step}`)}
                          </button>
                          {entry !== undefined && (
                            <span id={`${headingId}-${step}`}>
                              <OutboxStatus entry={entry} />
                            </span>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </WidgetFrame>
  );
}
