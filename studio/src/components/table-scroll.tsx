// The box a wide table scrolls sideways in on a narrow screen. It is a named, focusable region so a
// keyboard user can scroll it too (arrow keys once focused), not only someone with a touch screen.
import type { ReactNode } from 'react';

export function TableScroll({ label, card = false, children }: { label: string; card?: boolean; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
    <section className={`table-wrap${card ? ' card' : ''}`} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
