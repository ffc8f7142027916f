// A local OpenAI-compatible model (the test-support fake, speaking the chat-completions wire format)
// that holds every reply until the test releases it, so a browser test can look at a run while it is
// provably still going — no sleeps, no racing a fast model. Each held call says which part of the
// graph asked (from the system prompt riptide sends) and, for workers, which subtask.
import {
  type ChatCompletionRequest,
  type FakeOpenAiServer,
  startFakeOpenAiServer,
} from '../../src/test-support/fake-openai-server.js';

export type CallPurpose = 'planner' | 'worker' | 'finalize' | 'reflect' | 'other';

export interface HeldCall {
  purpose: CallPurpose;
  /** The worker's subtask ("## Subtask" in its prompt); empty for other calls. */
  subtask: string;
}

export interface GatedModel {
  /** Base URL including /v1, for RIPTIDE_API_BASE. */
  url: string;
  /** The calls waiting for a reply, oldest first. */
  held(): HeldCall[];
  /** Answers the oldest held call that matches (an echo of its prompt); throws when none does. */
  release(matches: (call: HeldCall) => boolean): void;
  /** Answers every held call and every later one at once (to let a run finish). */
  open(): void;
  /** Holds calls again from now on (between tests). */
  hold(): void;
  close(): Promise<void>;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part: { text?: string }) => part.text ?? '').join('');
  return '';
}

function describeCall(body: ChatCompletionRequest): HeldCall {
  const system = textOf(body.messages.find((message) => message.role === 'system')?.content);
  const user = textOf(body.messages.find((message) => message.role === 'user')?.content);
  const purpose: CallPurpose = /planner/i.test(system)
    ? 'planner'
    : /agent team/i.test(system)
      ? 'worker'
      : /final answer/i.test(system)
        ? 'finalize'
        : /lesson/i.test(system)
          ? 'reflect'
          : 'other';
  const subtask = purpose === 'worker' ? (/## Subtask\n([^\n]*)/.exec(user)?.[1] ?? '') : '';
  return { purpose, subtask };
}

export async function startGatedModel(): Promise<GatedModel> {
  const waiting: { call: HeldCall; answer: () => void }[] = [];
  let holding = true;
  const fake: FakeOpenAiServer = await startFakeOpenAiServer({
    reply: (body) =>
      new Promise((resolve) => {
        if (!holding) return resolve({});
        waiting.push({ call: describeCall(body), answer: () => resolve({}) });
      }),
  });
  return {
    url: fake.url,
    held: () => waiting.map((entry) => entry.call),
    release: (matches) => {
      const index = waiting.findIndex((entry) => matches(entry.call));
      if (index < 0) throw new Error(`no held model call matches; held: ${JSON.stringify(waiting.map((e) => e.call))}`);
      const [entry] = waiting.splice(index, 1);
      entry.answer();
    },
    open: () => {
      holding = false;
      for (const entry of waiting.splice(0)) entry.answer();
    },
    hold: () => {
      holding = true;
    },
    close: async () => {
      for (const entry of waiting.splice(0)) entry.answer();
      await fake.close();
    },
  };
}
