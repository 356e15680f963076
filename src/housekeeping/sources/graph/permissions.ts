import type { ThrottleGate } from './gate.js';
import type { GraphHttp } from './http.js';
import { batchResponseSchema, permissionsSchema } from './schemas.js';
import { retryAfterSeconds } from './transport.js';

const batchLimit = 20;
const maxRounds = 20;

/**
 * Reads /permissions of the given items in $batch requests of at most 20 (each sub-request still counts
 * against throttling). Sub-requests answered 429/503 are retried after their Retry-After, through the
 * tenant's gate; what still fails is reported, never guessed.
 */
export async function readAnonymousLinks(
  http: GraphHttp,
  gate: ThrottleGate,
  scale: number,
  driveId: string,
  ids: string[],
  signal?: AbortSignal,
): Promise<{ links: Map<string, boolean>; failed: string[]; reads: number }> {
  const links = new Map<string, boolean>();
  const failed: string[] = [];
  let reads = 0;
  for (let start = 0; start < ids.length; start += batchLimit) {
    let pending = ids.slice(start, start + batchLimit);
    for (let round = 0; pending.length > 0 && round < maxRounds; round++) {
      signal?.throwIfAborted();
      const requests = pending.map((id, i) => ({
        id: String(i + 1),
        method: 'GET',
        url: `/drives/${driveId}/items/${id}/permissions`,
      }));
      reads += requests.length;
      let answer;
      try {
        answer = await http.post('/$batch', { requests }, batchResponseSchema);
      } catch {
        break;
      }
      const retry: string[] = [];
      let wait = 0;
      for (const response of answer.responses) {
        const id = pending[Number(response.id) - 1];
        if (id === undefined) continue;
        if (response.status === 200) {
          const parsed = permissionsSchema.safeParse(response.body);
          if (parsed.success)
            links.set(
              id,
              parsed.data.value.some((p) => p.link?.scope === 'anonymous'),
            );
          else failed.push(id);
        } else if (response.status === 404) {
          // Deleted since the delta page: the next delta says so.
          links.set(id, false);
        } else if (response.status === 429 || response.status >= 500) {
          retry.push(id);
          const header =
            Object.entries(response.headers ?? {}).find(([k]) => k.toLowerCase() === 'retry-after')?.[1] ?? null;
          wait = Math.max(wait, response.status === 429 || header !== null ? retryAfterSeconds(header) : 1);
        } else {
          failed.push(id);
        }
      }
      const answered = new Set(answer.responses.map((r) => pending[Number(r.id) - 1]));
      for (const id of pending) if (!answered.has(id)) retry.push(id);
      if (retry.length > 0) gate.pause(wait * scale);
      pending = retry;
    }
    failed.push(...pending);
  }
  return { links, failed, reads };
}
