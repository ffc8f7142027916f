// A model's answer as Markdown. The renderer (react-markdown + GFM, ~160 kB) arrives in its own chunk
// after the first paint; until then the answer shows as plain text in the same box, so nothing jumps
// or hides while it loads.
import { lazy, Suspense } from 'react';

const MarkdownRenderer = lazy(() =>
  import('./markdown-renderer').then((module) => ({ default: module.MarkdownRenderer })),
);

export function MarkdownText({ text, className }: { text: string; className?: string }) {
  return (
    <Suspense fallback={<div className={`markdown plain${className ? ` ${className}` : ''}`}>{text}</div>}>
      <MarkdownRenderer text={text} className={className} />
    </Suspense>
  );
}
