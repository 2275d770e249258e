/** The roles the first-render page can show. */
export const benchRoles = ['account-manager', 'bu-leader', 'cx-leader'] as const;
export type BenchRole = (typeof benchRoles)[number];

/**
 * The element that makes each role's first render meaningful, present only once its figures are:
 * the account's health score, the business-unit comparison's KPI table, the CX leader's key-driver
 * widget out of loading.
 */
export const mainFigureSelector: Readonly<Record<BenchRole, string>> = {
  'account-manager': '[data-testid="health-score"]',
  'bu-leader': 'table.kz-table--kpis tbody tr',
  'cx-leader': '.kz-leader__grid > .kz-widget:first-child[aria-busy="false"]',
};

/** Every widget has left its loading state (none busy, no skeleton). */
export function isSettled(root: ParentNode): boolean {
  return root.querySelector('.kz-widget') !== null && root.querySelector('.kz-skeleton, [aria-busy="true"]') === null;
}

function hasMainFigure(root: ParentNode, role: BenchRole): boolean {
  const element = root.querySelector(mainFigureSelector[role]);
  return element !== null && (element.textContent ?? '').trim() !== '';
}

/**
 * Marks `kz-figure` when the role's main figure first appears and `kz-settled` when every widget has
 * its data, from a MutationObserver (checked on every DOM change, so no polling delay); resolves with
 * both times (ms since navigation start).
 */
export function watchFirstRender(root: HTMLElement, role: BenchRole): Promise<{ figureMs: number; settledMs: number }> {
  return new Promise((resolve) => {
    let figureMs: number | undefined;
    const check = (observer?: MutationObserver) => {
      if (figureMs === undefined && hasMainFigure(root, role)) figureMs = performance.mark('kz-figure').startTime;
      if (figureMs !== undefined && isSettled(root)) {
        observer?.disconnect();
        resolve({ figureMs, settledMs: performance.mark('kz-settled').startTime });
      }
    };
    const observer = new MutationObserver(() => check(observer));
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}
