import type { ReactNode } from 'react';
import { useId } from 'react';

/** Every widget is a labelled region, so people using assistive technology (and tests) can find it. */
export function WidgetFrame({ title, children, busy = false }: { title: string; children: ReactNode; busy?: boolean }) {
  const headingId = useId();
  return (
    <section className="kz-widget" role="region" aria-labelledby={headingId} aria-busy={busy}>
      <h2 id={headingId} className="kz-widget__title">
        {title}
      </h2>
      {children}
    </section>
  );
}
