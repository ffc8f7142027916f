// Progress for long CLI work: an animated spinner only on a terminal wide enough to redraw one line
// in place; plain lines everywhere else (pipes, CI logs, a pseudo-terminal that reports 0 columns),
// printed only when the text changes so a stream of events never floods the output.

/** Narrower than this, a spinner line wraps and every redraw scrolls: print plain lines instead. */
export const MIN_SPINNER_COLUMNS = 20;

export interface TerminalProgress {
  start(text: string): void;
  update(text: string): void;
  stop(): void;
}

/** Whether the stream is a terminal that reports a width a one-line redraw fits in. */
export function canRedrawInPlace(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && (stream.columns ?? 0) >= MIN_SPINNER_COLUMNS;
}

/** A spinner (ora) on a usable terminal, plain deduplicated lines otherwise, nothing when silent. */
export async function createTerminalProgress(
  stream: NodeJS.WriteStream,
  options: { silent?: boolean } = {},
): Promise<TerminalProgress> {
  if (options.silent) return { start() {}, update() {}, stop() {} };
  if (canRedrawInPlace(stream)) {
    const { default: ora } = await import('ora');
    const spinner = ora({ stream, discardStdin: false });
    return {
      start: (text) => {
        spinner.start(text);
      },
      update: (text) => {
        spinner.text = text;
      },
      stop: () => {
        spinner.stop();
      },
    };
  }
  let last = '';
  const line = (text: string) => {
    if (text === last) return;
    last = text;
    stream.write(`${text}\n`);
  };
  return { start: line, update: line, stop: () => undefined };
}
