// The server's Redis connection for shared limits (RIPTIDE_REDIS_URL): tuned for rate limiting —
// a short connect timeout and one retry per command, so an unreachable Redis fails a request
// quickly instead of queueing it.
import { Redis } from 'ioredis';

export function openRedisConnection(url: string): Redis {
  return new Redis(url, {
    connectTimeout: 2_000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    lazyConnect: false,
  });
}
