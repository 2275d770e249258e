import { departments, type Department } from '@kizuna/model';
import { useId, useMemo, useState } from 'react';
import type { TableData } from '../../frame/csv';
import { WidgetFrame } from '../../frame/WidgetFrame';
import { useTranslator } from '../../i18n/i18nContext';
import type { Translator } from '../../i18n/translator';
import { accountFrame } from '../accountFrame';
import { feedbackText } from '../feedbackText';
import { useAccountContext } from '../useAccountContext';
import { JourneyChart } from './JourneyChart';
import { journeyTimeline, type JourneyTimeline, type TimelineEntry, type TimelineTask } from './journeyTimeline';

export interface JourneyTimelineWidgetProps {
  readonly accountId: string;
  readonly asOf: string;
}

const windows = [90, 180, 365] as const;

function timelineTable(translator: Translator, timeline: JourneyTimeline): TableData {
  const { t } = translator;
  return {
    columns: [
      { key: 'date', label: t('timeline.col.date'), rowHeader: true },
      { key: 'department', label: t('timeline.col.department') },
      { key: 'channel', label: t('timeline.col.channel') },
      { key: 'stage', label: t('timeline.col.stage') },
      { key: 'subject', label: t('timeline.col.subject') },
      { key: 'contact', label: t('timeline.col.contact') },
      { key: 'moment', label: t('timeline.col.moment') },
      { key: 'feedback', label: t('timeline.col.feedback') },
    ],
    rows: [
      ...timeline.entries.map((entry) => ({
        at: entry.touchpoint.occurredAt,
        row: {
          date: entry.touchpoint.occurredAt.slice(0, 10),
          department: t(`department.${entry.touchpoint.department}`),
          channel: t(`channel.${entry.touchpoint.channel}`),
          stage: t(`stage.${entry.touchpoint.journeyStage}`),
          subject: entry.touchpoint.subject,
          contact: entry.contact?.name ?? null,
          moment: entry.touchpoint.momentOfTruth === undefined ? null : t(`mot.${entry.touchpoint.momentOfTruth}`),
          feedback: entry.feedback.length === 0 ? null : entry.feedback.map((answer) => feedbackText(translator, answer)).join(' / '),
        },
      })),
      ...timeline.tasks.map((task) => ({
        at: task.action.createdAt,
        row: {
          date: task.action.createdAt.slice(0, 10),
          department: null,
          channel: t('timeline.taskCreated'),
          stage: null,
          subject: task.action.title,
          contact: task.contact?.name ?? null,
          moment: null,
          feedback: null,
        },
      })),
    ]
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
      .map((item) => item.row),
  };
}

/** Touchpoints and created tasks in one list, newest first. */
type TimelineItem = { readonly kind: 'touchpoint'; readonly at: string; readonly entry: TimelineEntry } | { readonly kind: 'task'; readonly at: string; readonly task: TimelineTask };

function timelineItems(timeline: JourneyTimeline): TimelineItem[] {
  return [
    ...timeline.entries.map((entry): TimelineItem => ({ kind: 'touchpoint', at: entry.touchpoint.occurredAt, entry })),
    ...timeline.tasks.map((task): TimelineItem => ({ kind: 'task', at: task.action.createdAt, task })),
  ].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** One touchpoint: when, who, its moment of truth and the feedback on it. */
function TouchpointItem({ entry, translator }: { entry: TimelineEntry; translator: Translator }) {
  const { t } = translator;
  return (
    <li className="kz-timeline__item" data-testid={`touchpoint-${entry.touchpoint.id}`}>
      <p className="kz-timeline__head">
        <time dateTime={entry.touchpoint.occurredAt}>{translator.formatDate(entry.touchpoint.occurredAt)}</time>
        {' · '}
        {t(`department.${entry.touchpoint.department}`)} · {t(`channel.${entry.touchpoint.channel}`)} · {t(`stage.${entry.touchpoint.journeyStage}`)}
      </p>
      <p className="kz-timeline__subject">
        {entry.touchpoint.subject}
        {entry.contact !== undefined && <span className="kz-muted"> — {entry.contact.name}</span>}
      </p>
      {entry.touchpoint.momentOfTruth !== undefined && (
        <p className="kz-badge kz-badge--strong" data-testid="moment-of-truth">
          <span aria-hidden="true">◆ </span>
          {t('timeline.moment', { moment: t(`mot.${entry.touchpoint.momentOfTruth}`) })}
        </p>
      )}
      {entry.feedback.map((answer) => (
        <p key={answer.id} className="kz-timeline__feedback">
          {feedbackText(translator, answer)}
          {answer.comment !== undefined && <q className="kz-quote">{answer.comment}</q>}
        </p>
      ))}
    </li>
  );
}

/** Touchpoints across sales, marketing, support and success over time, moments of truth marked, with the feedback on them. */
export function JourneyTimelineWidget({ accountId, asOf }: JourneyTimelineWidgetProps) {
  const translator = useTranslator();
  const { t, plural } = translator;
  const windowId = useId();
  const departmentId = useId();
  const [days, setDays] = useState<number>(180);
  const [department, setDepartment] = useState<Department | undefined>(undefined);
  const query = useAccountContext(accountId);
  const timeline = useMemo(
    () => (query.data === undefined ? undefined : journeyTimeline(query.data, { asOf, days, department })),
    [query.data, asOf, days, department],
  );
  const frame = accountFrame(
    query,
    ['touchpoint', 'feedback', 'contact', 'action'],
    () => timeline?.entries.length === 0 && timeline.tasks.length === 0,
    t('timeline.empty', { days }),
  );
  const busiest = timeline === undefined ? undefined : departments.reduce((best, item) => (timeline.byDepartment[item] > timeline.byDepartment[best] ? item : best), departments[0]);
  const summary =
    timeline === undefined || busiest === undefined
      ? ''
      : t('timeline.summary', {
          touchpoints: plural('timeline.touchpoints', timeline.entries.length),
          days,
          moments: timeline.momentsOfTruth,
          busiest: t(`department.${busiest}`),
          busiestCount: timeline.byDepartment[busiest],
          withFeedback: timeline.entries.filter((entry) => entry.feedback.length > 0).length,
        }) + (timeline.tasks.length === 0 ? '' : ` ${t('timeline.summaryTasks', { tasks: plural('timeline.tasks', timeline.tasks.length) })}`);
  return (
    <WidgetFrame
      title={t('timeline.title')}
      status={frame.status}
      busy={frame.busy}
      stale={frame.stale}
      unavailable={frame.unavailable}
      rejectedCount={frame.rejectedCount}
      table={timeline === undefined ? undefined : timelineTable(translator, timeline)}
      chart={timeline === undefined ? undefined : { content: <JourneyChart timeline={timeline} label={t('timeline.chartLabel', { days })} />, summary }}
      asOf={asOf}
      exportName="journey"
      filters={
        <>
          <label htmlFor={windowId} className="kz-field">
            {t('filter.period')}{' '}
            <select id={windowId} value={days} onChange={(event) => setDays(Number(event.target.value))}>
              {windows.map((option) => (
                <option key={option} value={option}>
                  {t('filter.lastDays', { days: option })}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={departmentId} className="kz-field">
            {t('timeline.col.department')}{' '}
            <select id={departmentId} value={department ?? 'all'} onChange={(event) => setDepartment(departments.find((item) => item === event.target.value))}>
              <option value="all">{t('timeline.allDepartments')}</option>
              {departments.map((item) => (
                <option key={item} value={item}>
                  {t(`department.${item}`)}
                </option>
              ))}
            </select>
          </label>
        </>
      }
    >
      {timeline !== undefined && (
        <ol className="kz-timeline" aria-label={t('timeline.listLabel')}>
          {timelineItems(timeline).map((item) =>
            item.kind === 'task' ? (
              <li key={`task-${item.task.action.crmTaskId}`} className="kz-timeline__item kz-timeline__item--task" data-testid={`task-${item.task.action.crmTaskId}`}>
                <p className="kz-timeline__head">
                  <time dateTime={item.task.action.createdAt}>{translator.formatDate(item.task.action.createdAt)}</time>
                  {' · '}
                  <span aria-hidden="true">■ </span>
                  {t('timeline.taskCreated')}
                  {item.task.action.status === 'done' && ` · ${t('timeline.taskDone')}`}
                </p>
                <p className="kz-timeline__subject">
                  {item.task.action.title}
                  {item.task.contact !== undefined && <span className="kz-muted"> — {item.task.contact.name}</span>}
                </p>
                {item.task.action.dueAt !== undefined && item.task.action.status !== 'done' && (
                  <p className="kz-muted">{t('timeline.taskDue', { date: translator.formatDate(item.task.action.dueAt) })}</p>
                )}
              </li>
            ) : (
              <TouchpointItem key={item.entry.touchpoint.id} entry={item.entry} translator={translator} />
            ),
          )}
        </ol>
      )}
    </WidgetFrame>
  );
}
