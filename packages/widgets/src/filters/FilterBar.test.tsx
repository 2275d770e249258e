import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18nContext';
import { expectNoAxeViolations } from '../testing/axe';
import { FilterBar } from './FilterBar';

afterEach(cleanup);

const units = [
  { id: 'bu-1', name: 'Cloud Platform' },
  { id: 'bu-2', name: 'Smart Manufacturing' },
];
const segments = [{ id: 'seg-ent', name: 'Enterprise' }];

describe('FilterBar', () => {
  it('offers period, unit and customer type as labelled selects and reports valid states only', async () => {
    const onChange = vi.fn();
    render(<FilterBar value={{ period: 'last_year', segmentId: 'seg-ent' }} onChange={onChange} businessUnits={units} segments={segments} asOf="2026-10-01T00:00:00Z" />);
    const group = screen.getByRole('group', { name: 'Dashboard filters' });
    const period = within(group).getByLabelText('Period');
    expect(within(period).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Last 3 months',
      'Last 6 months',
      'Last 12 months',
      '2026 Q3',
      '2026 Q2',
      '2026 Q1',
      '2025 Q4',
      '2025 Q3',
      '2025 Q2',
      '2025 Q1',
      '2024 Q4',
    ]);
    fireEvent.change(period, { target: { value: '2026-Q2' } });
    expect(onChange).toHaveBeenLastCalledWith({ period: '2026-Q2', segmentId: 'seg-ent' });
    fireEvent.change(within(group).getByLabelText('Business unit'), { target: { value: 'bu-2' } });
    expect(onChange).toHaveBeenLastCalledWith({ period: 'last_year', businessUnitId: 'bu-2', segmentId: 'seg-ent' });
    fireEvent.change(within(group).getByLabelText('Customer type'), { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith({ period: 'last_year' });
    await expectNoAxeViolations(group);
  });

  it('says which link filters were ignored, in Japanese too', () => {
    render(
      <I18nProvider locale="ja">
        <FilterBar value={{ period: 'last_year' }} onChange={() => undefined} businessUnits={units} segments={segments} asOf="2026-10-01T00:00:00Z" issues={[{ parameter: 'kz_bu', message: 'must be a record id' }]} />
      </I18nProvider>,
    );
    expect(screen.getByText('リンクの絞り込み「kz_bu」は使えないため（must be a record id）、無視しました。')).toBeTruthy();
    expect(screen.getByLabelText('期間')).toBeTruthy();
  });
});
