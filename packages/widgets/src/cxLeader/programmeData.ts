import type { CanonicalDataset, CxDataSource, DatasetRead, ReadOptions } from '@kizuna/model';
import { periodWindow, type FilterState, type Window } from '../filters/filterState';

/** Employee pulses may lead CX by up to this many quarters (the linkage lags 0–2). */
export const linkageLookBackMonths = 6;

/**
 * The records behind the CX leader's analyses: feedback, touchpoints and cases of the window, and
 * pulses from two quarters before it (engagement leads CX). Read once, page by page, in the
 * chosen unit; the segment filter keeps that segment's accounts and their facts.
 */
export interface ProgrammeData {
  readonly window: Window;
  /** Facts dated in the window (touchpoints and pulses also from before it: see {@link windowed}). */
  readonly dataset: CanonicalDataset;
  readonly rejected: DatasetRead['rejected'];
  readonly unavailable: DatasetRead['unavailable'];
}

function monthsBefore(iso: string, months: number): string {
  const date = new Date(iso);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, date.getUTCDate())).toISOString();
}

function within(window: Window, at: string): boolean {
  const time = Date.parse(at);
  return time >= Date.parse(window.from) && time < Date.parse(window.to);
}

export async function loadProgrammeData(dataSource: CxDataSource, filters: FilterState, asOf: string, options: ReadOptions = {}): Promise<ProgrammeData> {
  const window = periodWindow(filters.period, asOf);
  const read = await dataSource.readDataset(
    {
      from: monthsBefore(window.from, linkageLookBackMonths),
      to: window.to,
      ...(filters.businessUnitId === undefined ? {} : { businessUnitIds: [filters.businessUnitId] }),
      entities: ['feedback', 'touchpoint', 'supportCase', 'employeePulse'],
    },
    options,
  );
  const { dataset } = read;
  const segment = filters.segmentId;
  const accounts = segment === undefined ? dataset.accounts : dataset.accounts.filter((account) => account.segmentId === segment);
  const ids = new Set(accounts.map((account) => account.id));
  const servingTeams = new Set(accounts.map((account) => account.servingTeamId));
  return {
    window,
    dataset: {
      ...dataset,
      accounts,
      contacts: dataset.contacts.filter((contact) => ids.has(contact.accountId)),
      feedback: dataset.feedback.filter((answer) => ids.has(answer.accountId)),
      // Touchpoints before the window still count: a moment of truth just before it shapes answers in it.
      touchpoints: dataset.touchpoints.filter((touchpoint) => ids.has(touchpoint.accountId)),
      supportCases: dataset.supportCases.filter((supportCase) => ids.has(supportCase.accountId) && within(window, supportCase.openedAt)),
      employeePulses: segment === undefined ? dataset.employeePulses : dataset.employeePulses.filter((pulse) => servingTeams.has(pulse.teamId)),
    },
    rejected: read.rejected,
    unavailable: read.unavailable,
  };
}

/** The feedback answered in the window (the look-back is for pulses and moments only). */
export function feedbackInWindow(data: ProgrammeData): CanonicalDataset['feedback'] {
  return data.dataset.feedback.filter((answer) => within(data.window, answer.respondedAt));
}
