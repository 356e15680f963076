import { z } from 'zod';

/**
 * POST /api/messages: what must be there before an activity reaches the bot. The Bot Framework adapter checks the
 * rest (and the token); this only keeps a body that is no activity at all (`{}`, `{"type": 1}`) from reaching it.
 */
const account = z.looseObject({ id: z.string().min(1).max(500) });
export const activityEnvelopeSchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(500).optional(),
  channelId: z.string().max(100).optional(),
  serviceUrl: z.string().max(2000).optional(),
  from: account.optional(),
  recipient: account.optional(),
  conversation: account.optional(),
  text: z.string().max(100_000).optional(),
  locale: z.string().max(50).optional(),
});
