import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

/** The baseline: React 19 and ReactDOM's client alone, rendering one element. */
export function mount(element: HTMLElement): void {
  createRoot(element).render(createElement('p', null, 'Kizuna'));
}
