import { meResponseSchema, type MeResponse } from '../../api/admin.js';
import type { Lang } from '../../lang.js';
import { caller, type CallIdentity } from '../api.js';

/** GET /api/me: the caller's roles and, in local development, the dev user's name (the dev banner shows them). */
export function meClient(lang: Lang, identity: CallIdentity): () => Promise<MeResponse> {
  const call = caller(lang, identity);
  return () => call('/api/me', {}, meResponseSchema);
}
