import { defaultPlaybookConfig, nextBestActions, playbookIds, type NextBestActions, type PlaybookConfig, type ProposedAction } from '@kizuna/metrics';
import type { AccountContext, Action } from '@kizuna/model';
import { useMemo } from 'react';
import type { TableData } from '../../frame/csv';
import { WidgetFrame } from '../../frame/WidgetFrame';
import { useTranslator } from '../../i18n/i18nContext';
import type { MessageKey } from '../../i18n/messages';
import type { Translator } from '../../i18n/translator';
import { useActionStores, useDecidedActions, useOutboxEntries } from '../../outbox/ActionStoresProvider';
import { OutboxStatus } from '../../outbox/OutboxStatus';
import type { OutboxEntry } from '../../outbox/outboxSchema';
import { accountFrame } from '../accountFrame';
import { useAccountContext } from '../useAccountContext';
import { ActionDecisionForm } from './ActionDecisionForm';
import { evidenceText, priorityText, proposalTitle } from './evidenceText';

export interface NextBestActionsWidgetProps {
  readonly accountId: string;
  readonly asOf: string;
  /** A validated playbook configuration (`assertPlaybookConfig`); every playbook on by default. */
  readonly playbooks?: PlaybookConfig;
}

const playbookSet: ReadonlySet<string> = new Set(playbookIds);

/**
 * The account's actions as the metrics core must see them: those read from the CRM, plus this
 * browser's snoozes and dismissals and the accepted actions still in (or sent through) the
 * outbox, so nothing the user decided is proposed again.
 */
function withLocalDecisions(context: AccountContext, decided: readonly Action[], sent: readonly OutboxEntry[]): AccountContext {
  const local = [...decided.filter((action) => action.accountId === context.account.id), ...sent.map((entry) => entry.action)];
  return local.length === 0 ? context : { ...context, actions: [...context.actions, ...local] };
}

function actionsTable(translator: Translator, result: NextBestActions, contacts: AccountContext['contacts']): TableData {
  const { t } = translator;
  return {
    columns: [
      { key: 'rank', label: t('nba.col.rank'), numeric: true },
      { key: 'title', label: t('nba.col.action'), rowHeader: true },
      { key: 'reasons', label: t('nba.col.reasons') },
      { key: 'valueAtStake', label: t('nba.col.valueAtStake'), numeric: true },
      { key: 'expectedEffect', label: t('nba.col.expectedEffect'), numeric: true },
      { key: 'urgency', label: t('nba.col.urgency'), numeric: true },
      { key: 'priority', label: t('nba.col.priority'), numeric: true },
      { key: 'dueAt', label: t('nba.col.dueAt') },
    ],
    rows: result.proposed.map((proposal) => ({
      rank: proposal.rank,
      title: proposalTitle(translator, proposal, contacts),
      reasons: proposal.evidence.map((item) => evidenceText(translator, item)).join(' '),
      valueAtStake: proposal.priority.value.amount,
      expectedEffect: proposal.priority.expectedEffect,
      urgency: Math.round(proposal.priority.urgency.value * 100) / 100,
      priority: Math.round(proposal.priority.priority),
      dueAt: proposal.action.dueAt?.slice(0, 10) ?? null,
    })),
  };
}

/** Next best actions, ranked with their reasons: accept (a CRM task, through the outbox), snooze, or dismiss with a reason. */
export function NextBestActionsWidget({ accountId, asOf, playbooks = defaultPlaybookConfig }: NextBestActionsWidgetProps) {
  const translator = useTranslator();
  const { t, plural } = translator;
  const query = useAccountContext(accountId);
  const { outbox, decisions } = useActionStores();
  const entries = useOutboxEntries();
  const decided = useDecidedActions();
  const accepted = useMemo(
    () => entries.filter((entry) => entry.action.accountId === accountId && playbookSet.has(entry.action.playbookId)),
    [entries, accountId],
  );
  const result = useMemo(
    () => (query.data === undefined ? undefined : nextBestActions(withLocalDecisions(query.data, decided, accepted), { asOf, playbooks })),
    [query.data, decided, accepted, asOf, playbooks],
  );
  const contacts = query.data?.contacts ?? [];
  const frame = accountFrame(
    query,
    ['feedback', 'contact', 'touchpoint', 'supportCase', 'opportunity', 'action'],
    () => result?.proposed.length === 0 && accepted.length === 0 && result.suppressed.length === 0,
    t('nba.empty'),
  );
  const accept = (proposal: ProposedAction) => {
    const reasons = proposal.evidence.map((item) => evidenceText(translator, item));
    const [first = proposal.action.reasons[0] ?? proposalTitle(translator, proposal, contacts), ...rest] = reasons;
    outbox.enqueue({ ...proposal.action, title: proposalTitle(translator, proposal, contacts), reasons: [first, ...rest], status: 'accepted' });
  };
  const skipped = result?.warnings.filter((warning) => warning.code === 'unmapped') ?? [];
  return (
    <WidgetFrame
      title={t('nba.title')}
      status={frame.status}
      busy={frame.busy}
      stale={frame.stale}
      unavailable={frame.unavailable}
      rejectedCount={frame.rejectedCount}
      table={result === undefined ? undefined : actionsTable(translator, result, contacts)}
      asOf={asOf}
      exportName="next-best-actions"
    >
      {result !== undefined && (
        <>
          <p className="kz-summary" data-testid="nba-summary">
            {result.proposed.length === 0 ? t('nba.noneProposed') : t('nba.summary', { actions: plural('nba.actions', result.proposed.length) })}
          </p>
          {skipped.length > 0 && (
            <ul className="kz-warnings">
              {skipped.map((warning) => (
                <li key={`${String(warning.detail?.playbook)}-${String(warning.detail?.entity)}`} className="kz-warning" data-warning="playbook-skipped">
                  {typeof warning.detail?.playbook === 'string'
                    ? t('nba.skipped', { playbook: t(`playbook.${warning.detail.playbook}` as MessageKey), entity: t(`entity.${String(warning.detail.entity)}` as MessageKey) })
                    : t('nba.actionsUnread')}
                </li>
              ))}
            </ul>
          )}
          <ol className="kz-cards">
            {result.proposed.map((proposal) => {
              const headingId = `nba-${proposal.action.idempotencyKey}`;
              return (
                <li key={proposal.action.idempotencyKey} className="kz-card" aria-labelledby={headingId} data-testid={`nba-${proposal.playbookId}`}>
                  <h3 id={headingId} className="kz-card__title">
                    <span className="kz-rank">{t('nba.rank', { rank: proposal.rank })}</span> {proposalTitle(translator, proposal, contacts)}
                  </h3>
                  <ul className="kz-reasons" aria-label={t('nba.reasons')}>
                    {proposal.evidence.map((item, index) => (
                      <li key={index}>{evidenceText(translator, item)}</li>
                    ))}
                  </ul>
                  <p className="kz-muted kz-priority">{priorityText(translator, proposal.priority)}</p>
                  {proposal.action.dueAt !== undefined && <p className="kz-muted">{t('nba.due', { date: translator.formatDate(proposal.action.dueAt) })}</p>}
                  <ActionDecisionForm
                    title={proposalTitle(translator, proposal, contacts)}
                    onAccept={() => accept(proposal)}
                    onSnooze={(days) => decisions.snooze(proposal.action, new Date(Date.parse(asOf) + days * 86_400_000).toISOString(), asOf)}
                    onDismiss={(reason, note) => decisions.dismiss(proposal.action, reason, note, asOf)}
                  />
                </li>
              );
            })}
          </ol>
          {accepted.length > 0 && (
            <section className="kz-group" aria-labelledby="kz-nba-accepted">
              <h3 id="kz-nba-accepted" className="kz-group__title">
                {t('nba.accepted')}
              </h3>
              <ul className="kz-people">
                {accepted.map((entry) => (
                  <li key={entry.idempotencyKey} data-testid="nba-accepted">
                    {entry.action.title} <OutboxStatus entry={entry} />
                  </li>
                ))}
              </ul>
            </section>
          )}
          {result.suppressed.some((item) => item.suppression.reason === 'dismissed_recently' || item.suppression.reason === 'snoozed') && (
            <details className="kz-group">
              <summary>{t('nba.heldBack', { n: result.suppressed.filter((item) => item.suppression.reason === 'dismissed_recently' || item.suppression.reason === 'snoozed').length })}</summary>
              <ul className="kz-people">
                {result.suppressed
                  .filter((item) => item.suppression.reason === 'dismissed_recently' || item.suppression.reason === 'snoozed')
                  .map((item) => {
                    const local = decided.find((action) => action.idempotencyKey === item.idempotencyKey);
                    return (
                      <li key={item.idempotencyKey} data-testid="nba-held-back">
                        {local?.title ?? item.title} —{' '}
                        {t(`nba.suppression.${item.suppression.reason}`, {
                          until: item.suppression.until === undefined ? '' : translator.formatDate(item.suppression.until),
                          reason: local?.dismissedReason === undefined ? '' : t(`dismiss.${local.dismissedReason.split(':')[0] ?? 'other'}` as MessageKey),
                        })}
                        {local !== undefined && (
                          <>
                            {' '}
                            <button type="button" className="kz-button kz-button--quiet" onClick={() => decisions.undo(item.idempotencyKey)}>
                              {t('nba.undo')}
                            </button>
                          </>
                        )}
                      </li>
                    );
                  })}
              </ul>
            </details>
          )}
        </>
      )}
    </WidgetFrame>
  );
}
