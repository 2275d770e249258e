import { defaultPlaybookConfig, type NpsCategory } from '@kizuna/metrics';
import { contactRoles, type ContactRole } from '@kizuna/model';
import { useId, useMemo, useState } from 'react';
import type { TableData } from '../../frame/csv';
import { WidgetFrame } from '../../frame/WidgetFrame';
import { useTranslator } from '../../i18n/i18nContext';
import type { Translator } from '../../i18n/translator';
import { accountFrame } from '../accountFrame';
import { useAccountContext } from '../useAccountContext';
import { stakeholderMap, type Stakeholder, type StakeholderMap } from './stakeholderMap';

export interface StakeholderMapWidgetProps {
  readonly accountId: string;
  readonly asOf: string;
  /** Silence longer than this marks a contact as gone quiet; default: the champion playbook's setting. */
  readonly quietDays?: number;
}

const categorySymbols: Record<NpsCategory, string> = { promoter: '▲', passive: '●', detractor: '▼' };

function stakeholderTable(translator: Translator, map: StakeholderMap): TableData {
  const { t } = translator;
  return {
    columns: [
      { key: 'name', label: t('stakeholders.col.name'), rowHeader: true },
      { key: 'title', label: t('stakeholders.col.title') },
      { key: 'role', label: t('stakeholders.col.role') },
      { key: 'nps', label: t('stakeholders.col.nps'), numeric: true },
      { key: 'category', label: t('stakeholders.col.category') },
      { key: 'lastActivity', label: t('stakeholders.col.lastActivity') },
      { key: 'daysQuiet', label: t('stakeholders.col.daysQuiet'), numeric: true },
    ],
    rows: map.byRole.flatMap((group) =>
      group.stakeholders.map((item) => ({
        name: item.contact.name,
        title: item.contact.title ?? null,
        role: t(`role.${group.role}`),
        nps: item.latestNps?.score ?? null,
        category: item.latestNps === undefined ? t('stakeholders.noAnswer') : t(`nps.category.${item.latestNps.category}`),
        lastActivity: item.lastActivityAt?.slice(0, 10) ?? null,
        daysQuiet: item.daysQuiet,
      })),
    ),
  };
}

function StakeholderItem({ item, quietDays }: { item: Stakeholder; quietDays: number }) {
  const translator = useTranslator();
  const { t } = translator;
  return (
    <li className="kz-person" data-testid={`stakeholder-${item.contact.id}`}>
      <span className="kz-person__name">{item.contact.name}</span>
      {item.contact.title !== undefined && <span className="kz-muted"> · {item.contact.title}</span>}
      <span className="kz-person__facts">
        {item.latestNps === undefined ? (
          <span className="kz-badge kz-badge--neutral">{t('stakeholders.noAnswer')}</span>
        ) : (
          <span className={`kz-badge kz-badge--${item.latestNps.category}`}>
            <span aria-hidden="true">{categorySymbols[item.latestNps.category]} </span>
            {t('stakeholders.npsBadge', { category: t(`nps.category.${item.latestNps.category}`), score: item.latestNps.score })}
          </span>
        )}
        {item.quiet ? (
          <span className="kz-badge kz-badge--warning">
            <span aria-hidden="true">⏸ </span>
            {item.lastActivityAt === undefined
              ? t('stakeholders.neverHeard')
              : t('stakeholders.quiet', { days: item.daysQuiet, limit: quietDays })}
          </span>
        ) : (
          item.lastActivityAt !== undefined && (
            <span className="kz-muted">{t('stakeholders.lastActivity', { date: translator.formatDate(item.lastActivityAt) })}</span>
          )
        )}
      </span>
    </li>
  );
}

/** Every stakeholder by role: who promotes, who detracts, who has gone quiet, and where coverage is missing. */
export function StakeholderMapWidget({ accountId, asOf, quietDays = defaultPlaybookConfig.playbooks.champion_quiet.quietDays }: StakeholderMapWidgetProps) {
  const translator = useTranslator();
  const { t, plural } = translator;
  const filterId = useId();
  const [roleFilter, setRoleFilter] = useState<ContactRole | 'all'>('all');
  const query = useAccountContext(accountId);
  const map = useMemo(
    () => (query.data === undefined ? undefined : stakeholderMap(query.data, { asOf, quietDays, npsWindowDays: 365 })),
    [query.data, asOf, quietDays],
  );
  const frame = accountFrame(query, ['contact', 'touchpoint', 'feedback'], (context) => context.contacts.length === 0, t('stakeholders.empty'));
  const groups = map?.byRole.filter((group) => roleFilter === 'all' || group.role === roleFilter) ?? [];
  return (
    <WidgetFrame
      title={t('stakeholders.title')}
      status={frame.status}
      busy={frame.busy}
      stale={frame.stale}
      unavailable={frame.unavailable}
      rejectedCount={frame.rejectedCount}
      table={map === undefined ? undefined : stakeholderTable(translator, map)}
      asOf={asOf}
      exportName="stakeholders"
      filters={
        <label htmlFor={filterId} className="kz-field">
          {t('stakeholders.filterRole')}{' '}
          <select id={filterId} value={roleFilter} onChange={(event) => setRoleFilter(event.target.value === 'all' ? 'all' : (contactRoles.find((role) => role === event.target.value) ?? 'all'))}>
            <option value="all">{t('stakeholders.allRoles')}</option>
            {contactRoles.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </label>
      }
    >
      {map !== undefined && (
        <>
          <p className="kz-summary" data-testid="stakeholders-summary">
            {t('stakeholders.summary', {
              contacts: plural('stakeholders.contacts', map.byRole.reduce((sum, group) => sum + group.stakeholders.length, 0)),
              promoters: map.promoters,
              detractors: map.detractors,
              quiet: map.quiet,
            })}
          </p>
          {(map.missingRoles.length > 0 || map.unheardSeniors.length > 0) && (
            <ul className="kz-warnings" aria-label={t('stakeholders.coverage')}>
              {map.missingRoles.map((role) => (
                <li key={role} className="kz-warning" data-warning="missing-role">
                  {t('stakeholders.missingRole', { role: t(`role.${role}`) })}
                </li>
              ))}
              {map.unheardSeniors.map((contact) => (
                <li key={contact.id} className="kz-warning" data-warning="unheard">
                  {t('stakeholders.unheard', { name: contact.name, role: t(`role.${contact.role}`) })}
                </li>
              ))}
            </ul>
          )}
          {groups.map((group) => (
            <section key={group.role} className="kz-group" aria-labelledby={`${filterId}-${group.role}`}>
              <h3 id={`${filterId}-${group.role}`} className="kz-group__title">
                {t(`role.${group.role}`)} <span className="kz-muted">({translator.formatNumber(group.stakeholders.length)})</span>
              </h3>
              {group.stakeholders.length === 0 ? (
                <p className="kz-muted">{t('stakeholders.nobody')}</p>
              ) : (
                <ul className="kz-people">
                  {group.stakeholders.map((item) => (
                    <StakeholderItem key={item.contact.id} item={item} quietDays={quietDays} />
                  ))}
                </ul>
              )}
            </section>
          ))}
        </>
      )}
    </WidgetFrame>
  );
}
