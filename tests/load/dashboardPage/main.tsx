import '../../../packages/embed-web/src/cspSafeZod';
import '@kizuna/widgets/styles.css';
import { Dashboard } from '@kizuna/widgets';
import { createRoot } from 'react-dom/client';
import { workerDataSource } from './workerDataSource';

declare global {
  interface Window {
    __kizunaBench?: { readonly accounts: number; readonly feedback: number; readonly generateMs: number; readonly factTablesMs: number; readonly mountedAt: number };
  }
}

/** The business-unit leader's dashboard over the plan worker's organisation (`?accounts=N`). */
const asOf = '2026-10-01T00:00:00.000Z';
const params = new URLSearchParams(window.location.search);
const worker = new Worker(new URL(`./planWorker.ts`, import.meta.url), { type: 'module' });
// The worker reads its size from its own URL: pass the page's query on.
worker.postMessage({ configure: params.toString() });
const { source, ready } = await workerDataSource(worker);
const root = document.getElementById('root');
if (root === null) throw new Error('The page has no #root.');
window.__kizunaBench = { ...ready, mountedAt: performance.now() };
createRoot(root).render(<Dashboard role="bu-leader" locale="en" theme="neutral" colourScheme="light" asOf={asOf} timeZone="Asia/Tokyo" dataSource={source} />);
