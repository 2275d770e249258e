import type { CxDataSource } from '@kizuna/model';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { CxDataSourceProvider } from '../dataSource/cxDataSourceContext';
import { I18nProvider } from '../i18n/i18nContext';
import type { Locale } from '../i18n/messages';
import { accountContextWith as context, scriptedDataSource as scriptedSource, tenNpsAnswers as tenAnswers } from '../testing/scriptedDataSource';
import { AccountNpsWidget } from './AccountNpsWidget';

afterEach(cleanup);

const asOf = '2026-10-01T00:00:00.000Z';

function renderWidget(dataSource: CxDataSource, locale: Locale = 'en'): void {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <I18nProvider locale={locale}>
        <CxDataSourceProvider dataSource={dataSource}>{children}</CxDataSourceProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
  render(<AccountNpsWidget accountId="acc-1" asOf={asOf} />, { wrapper });
}

describe('AccountNpsWidget', () => {
  it('shows a skeleton, then the NPS with its interval and response count in a labelled region', async () => {
    renderWidget(scriptedSource(context(tenAnswers)));
    const region = screen.getByRole('region', { name: 'Net Promoter Score' });
    expect(within(region).getByRole('status')).toHaveProperty('textContent', 'Loading…');
    expect(await within(region).findByTestId('nps-value')).toHaveProperty('textContent', '+30');
    expect(within(region).getByTestId('nps-interval').textContent).toBe('95% interval: -19 to +65');
    expect(within(region).getByTestId('nps-responses').textContent).toBe('10 responses · Last 365 days');
  });

  it('says a small sample is indicative, and that unreadable CRM records were left out', async () => {
    const rejected = [{ entity: 'feedback' as const, recordId: 'x', issues: [] }];
    renderWidget(scriptedSource(context(tenAnswers.slice(0, 3), rejected)));
    expect(await screen.findByText('Only 3 responses (fewer than 10): treat this as indicative.')).toBeTruthy();
    expect(screen.getByText('1 record from the CRM could not be read and is left out.')).toBeTruthy();
  });

  it('turns a CRM failure into words and a retry that works', async () => {
    const failure = Object.assign(new Error('limit'), { code: 'RATE_LIMITED' });
    renderWidget(scriptedSource(failure, context(tenAnswers)));
    expect(await screen.findByText('Your CRM is busy. Try again in a moment.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByTestId('nps-value')).textContent).toBe('+30');
  });

  it('says what failed when the CRM refused the feedback part, and offers a retry', async () => {
    const unavailable = [{ entity: 'feedback' as const, code: 'INVALID_TYPE', message: "sObject type 'Kizuna_Feedback__c' is not supported." }];
    renderWidget(scriptedSource(context([], [], unavailable), context(tenAnswers)));
    expect(await screen.findByText(/An object Kizuna needs does not exist in your CRM/)).toBeTruthy();
    expect(screen.queryByTestId('nps-value')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByTestId('nps-value')).textContent).toBe('+30');
  });

  it('says so when nobody has answered, instead of showing zero', async () => {
    renderWidget(scriptedSource(context([])));
    expect(await screen.findByText('No NPS responses in this period yet.')).toBeTruthy();
    expect(screen.queryByTestId('nps-value')).toBeNull();
  });

  it('speaks Japanese', async () => {
    renderWidget(scriptedSource(context(tenAnswers)), 'ja');
    const region = screen.getByRole('region', { name: 'ネット・プロモーター・スコア（NPS）' });
    expect((await within(region).findByTestId('nps-responses')).textContent).toBe('回答10件 · 直近365日間');
  });
});
