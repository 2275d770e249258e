import type { ReactNode } from 'react';

/**
 * Holds a table that scrolls sideways when it is wider than its column (a narrow Lightning column,
 * a Zoho widget): in the tab order and named by the table's caption (`captionId`), so the keyboard
 * can scroll it as well as the mouse.
 */
export function ScrollingTable({ captionId, className, children }: { captionId: string; className?: string; children: ReactNode }) {
  return (
    <div className={className === undefined ? 'kz-table-wrap' : `kz-table-wrap ${className}`} tabIndex={0} role="group" aria-labelledby={captionId}>
      {children}
    </div>
  );
}
