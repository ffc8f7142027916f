// Webhooks of background runs: when a run finishes or pauses, its webhook URL receives a JSON POST
// signed with HMAC-SHA256 (`X-Riptide-Signature: t=<unix seconds>,v1=<hex of HMAC(secret, "<t>.<body>")>`,
// the scheme Stripe and GitHub popularised), retried with exponential backoff (p-retry) until it
// answers 2xx. Delivery is at least once: `X-Riptide-Delivery` lets a receiver drop repeats.
import { createHmac } from 'node:crypto';
import pRetry, { AbortError } from 'p-retry';
import { resolveSafeTarget } from '../tools/network/address-guard.js';

export interface WebhookPayload {
  event: 'run.completed' | 'run.failed' | 'run.pending';
  thread_id: string;
  tenant_id: string;
  status: string;
  [key: string]: unknown;
}

export interface WebhookDeliveryOptions {
  secret: string;
  /** Loopback/private hosts webhooks may reach (everything else must be a public address). */
  allowHosts: readonly string[];
  /** Attempts after the first (default 5). */
  retries?: number;
  /** First backoff (ms, default 1000); each retry doubles it. */
  minTimeoutMs?: number;
  /** Per-attempt timeout (ms, default 10 000). */
  attemptTimeoutMs?: number;
  onError?: (error: unknown) => void;
}

export interface WebhookDelivery {
  /** Delivers one payload (resolving once it was accepted, or after the last failed attempt). */
  deliver(url: string, payload: WebhookPayload, deliveryId: string): Promise<boolean>;
}

/** The signature header value for a body sent at `timestamp` (seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${digest}`;
}

export function createWebhookDelivery(options: WebhookDeliveryOptions): WebhookDelivery {
  return {
    async deliver(url, payload, deliveryId) {
      const body = JSON.stringify(payload);
      try {
        await pRetry(
          async () => {
            // Checked on every attempt: the name may resolve elsewhere by then.
            await resolveSafeTarget(url, options.allowHosts).catch((error: unknown) => {
              throw new AbortError(error instanceof Error ? error.message : String(error));
            });
            const timestamp = Math.floor(Date.now() / 1000);
            const response = await fetch(url, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'user-agent': 'riptide-webhook',
                'x-riptide-event': payload.event,
                'x-riptide-delivery': deliveryId,
                'x-riptide-signature': signWebhook(options.secret, timestamp, body),
              },
              body,
              redirect: 'manual',
              signal: AbortSignal.timeout(options.attemptTimeoutMs ?? 10_000),
            });
            await response.body?.cancel().catch(() => undefined);
            if (!response.ok) throw new Error(`webhook answered ${response.status}`);
          },
          {
            retries: options.retries ?? 5,
            minTimeout: options.minTimeoutMs ?? 1_000,
            factor: 2,
            // fetch reports refused connections and timeouts as errors p-retry would not retry by default.
            shouldRetry: () => true,
          },
        );
        return true;
      } catch (error) {
        options.onError?.(error);
        return false;
      }
    },
  };
}
