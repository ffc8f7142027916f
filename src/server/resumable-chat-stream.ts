// SSE ids and Last-Event-ID for GET /api/chat/stream. A chat turn stores no run, so its frames are
// kept in the run events table under the turn's id (`chat-<uuid>`): event 0 names the turn's tenant
// (never sent), then every frame as it was sent — tokens, then `done` or `error` — each sent with
// `id: <turn>:<seq>`. Writes are batched (one statement in flight; what arrives meanwhile goes in the
// next) and the rest is written when the turn ends, however it ends: a dropped connection aborts the
// turn and its `error` frame is stored too. A reconnect with Last-Event-ID gets every frame after that
// one and the turn's end, from any replica sharing the store, and never calls the model again.
import { randomUUID } from 'node:crypto';
import { RiptideError } from '../errors/riptide-error.js';
import type { ChatEvent } from '../spec/run-events.js';
import type { ChatFrame } from '../spec/stream-frames.js';
import type { RunEventRecord, Store } from '../store/store.js';
import { runEventId } from './resumable-run-stream.js';
import { describeStreamError } from './sse-stream.js';

type ChatTurnStore = Pick<Store, 'appendRunEvents' | 'listRunEvents'>;

/** A frame of the chat stream and its SSE id. */
export interface NumberedChatFrame {
  frame: ChatFrame;
  id: string;
}

interface TurnHeader {
  event: 'chat_turn';
  tenant_id: string;
}

/** Tokens arriving within this long of each other are written in one statement. */
const BATCH_MS = 25;
/** A reconnect waiting for more of a turn gives up when nothing is stored for this long (its process died). */
const DEFAULT_IDLE_MS = 30_000;
const POLL_MS = 100;

export const newChatTurnId = () => `chat-${randomUUID()}`;

const isTerminal = (frame: { event?: unknown }) => frame.event === 'done' || frame.event === 'error';

/** Stores a turn's events in order, in batches; `close` resolves once everything added is written. */
function eventWriter(store: ChatTurnStore, threadId: string, onError: (error: unknown) => void) {
  let pending: RunEventRecord[] = [];
  let next = 0;
  let scheduled = false;
  // Writes are chained, so they land in order and `close` waits for every one before it.
  let tail: Promise<void> = Promise.resolve();
  const flush = () => {
    tail = tail.then(async () => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      await store.appendRunEvents(threadId, batch).catch(onError);
    });
    return tail;
  };
  return {
    add(event: unknown): number {
      const seq = next++;
      pending.push({ seq, event });
      if (!scheduled) {
        scheduled = true;
        setTimeout(() => {
          scheduled = false;
          void flush();
        }, BATCH_MS);
      }
      return seq;
    },
    close: flush,
  };
}

/**
 * Numbers and stores a live chat turn's events. A failure before the first event is rethrown (the
 * route answers it with its HTTP status, and nothing is stored); after it, the failure is the turn's
 * stored and sent `error` frame.
 */
export async function* recordChatTurn(
  store: ChatTurnStore,
  turn: { threadId: string; tenantId: string },
  events: AsyncIterable<ChatEvent>,
  onError: (error: unknown) => void,
): AsyncGenerator<NumberedChatFrame> {
  const writer = eventWriter(store, turn.threadId, onError);
  let started = false;
  let ended = false;
  const numbered = async (frame: ChatFrame): Promise<NumberedChatFrame> => {
    const first = !started;
    if (first) {
      started = true;
      writer.add({ event: 'chat_turn', tenant_id: turn.tenantId } satisfies TurnHeader);
    }
    ended = isTerminal(frame);
    const id = runEventId(turn.threadId, writer.add(frame));
    // The turn is known before its first id is sent, and wholly stored before its end is: a client
    // that reconnects at once finds what it saw. Tokens in between are written behind the stream.
    if (first || ended) await writer.close();
    return { frame, id };
  };
  try {
    for await (const event of events) yield await numbered(event);
  } catch (error) {
    if (!started) throw error;
    yield await numbered({ event: 'error', ...describeStreamError(error) });
  } finally {
    // Stopped early (the client went away, which aborts the turn): the stored turn ends as the stream did.
    if (started && !ended) {
      await numbered({ event: 'error', ...describeStreamError(new RiptideError('aborted', 'client disconnected')) });
    }
    await writer.close();
  }
}

/** The stored turn's frames after the one a reconnecting client last saw, up to the turn's end. */
export async function* replayChatTurn(
  store: ChatTurnStore,
  from: { threadId: string; seq: number },
  tenantScope: string | null,
  signal: AbortSignal,
  idleMs = DEFAULT_IDLE_MS,
): AsyncGenerator<NumberedChatFrame> {
  const [first] = await store.listRunEvents(from.threadId, -1, 1);
  const header = first?.seq === 0 ? (first.event as Partial<TurnHeader>) : null;
  // Another tenant's turn answers like an unknown one, so a key cannot learn which turns exist.
  if (header?.event !== 'chat_turn' || (tenantScope !== null && header.tenant_id !== tenantScope)) {
    throw new RiptideError('unknown_run', `no chat turn with id '${from.threadId}'`);
  }
  const framed = (record: RunEventRecord) => ({
    frame: record.event as ChatFrame,
    id: runEventId(from.threadId, record.seq),
  });
  let delivered = from.seq;
  // Read from the client's own event first: if it was the end, the client gets the end again.
  let ownChecked = false;
  let quietSince = Date.now();
  while (!signal.aborted) {
    const records = await store.listRunEvents(from.threadId, ownChecked ? delivered : delivered - 1);
    for (const record of records) {
      if (!ownChecked) {
        ownChecked = true;
        if (record.seq === delivered) {
          if (isTerminal(record.event as ChatFrame)) {
            yield framed(record);
            return;
          }
          continue;
        }
      }
      if (record.seq === 0) continue;
      delivered = record.seq;
      yield framed(record);
      if (isTerminal(record.event as ChatFrame)) return;
    }
    if (records.length > 0) quietSince = Date.now();
    else if (Date.now() - quietSince > idleMs) {
      const frame = { event: 'error' as const, detail: 'the chat turn stopped before it ended', code: 'aborted' };
      yield { frame, id: runEventId(from.threadId, delivered + 1) };
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
