// Renders a model's answer as Markdown (GitHub flavour: tables, lists, code) with react-markdown, which
// builds React elements and never injects raw HTML, so an answer cannot script the page. Loaded lazily
// through markdown.tsx: the parser is most of Chat's code.
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

const PLUGINS = [remarkGfm];

export function MarkdownRenderer({ text, className }: { text: string; className?: string }) {
  return (
    <div className={`markdown${className ? ` ${className}` : ''}`}>
      <Markdown
        remarkPlugins={PLUGINS}
        components={{
          a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
        }}
      >
        {text}
      </Markdown>
    </div>
  );
}
