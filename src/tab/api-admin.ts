import {
  auditVerifySchema,
  figuresSchema,
  meResponseSchema,
  toolChangeResponseSchema,
  toolHistorySchema,
  toolListSchema,
  versionsSchema,
  type AuditVerify,
  type Figures,
  type MeResponse,
  type PutToolRequest,
  type ToolChangeResponse,
  type ToolHistory,
  type ToolList,
  type Versions,
} from '../api/admin.js';
import type { Lang } from '../lang.js';
import { ApiError, caller, type CallIdentity } from './api.js';

/**
 * Beheer's calls (GET /api/me and /api/admin/*), through the tab's one way to the server (`caller` in api.ts):
 * the user's language, the SSO token, every answer checked with the schemas of src/api/admin.ts. The server refuses
 * a staff member each of these with 403; the page only hides what they may not use.
 */
export interface AdminClient {
  /** The caller's roles: whether the nav shows Beheer. */
  me(): Promise<MeResponse>;
  tools(): Promise<ToolList>;
  /** Adds (201) or changes (200) one entry; 400 invalid_input names the fields (ApiError.problems). */
  putTool(id: string, entry: PutToolRequest): Promise<ToolChangeResponse>;
  removeTool(id: string): Promise<ToolChangeResponse>;
  /** The register's changes, newest first; `before`: only older than that change. */
  history(before?: number): Promise<ToolHistory>;
  versions(): Promise<Versions>;
  /** The figures since a day (yyyy-mm-dd), or all. */
  figures(since?: string): Promise<Figures>;
  verifyAudit(): Promise<AuditVerify>;
  /** The audit record as the server writes it (CSV, byte order mark, semicolons), with its file name. */
  exportAudit(): Promise<{ blob: Blob; fileName: string }>;
}

const unreachable = {
  nl: 'AI-wijzer is nu niet bereikbaar. Probeer het later opnieuw.',
  en: 'AI-wijzer cannot be reached right now. Please try again later.',
};

/** The page's history comes 50 changes at a time. */
export const historyPage = 50;

export function adminClient(lang: Lang, identity: CallIdentity): AdminClient {
  const call = caller(lang, identity);
  const id = (value: string) => encodeURIComponent(value);
  return {
    me: () => call('/api/me', {}, meResponseSchema),
    tools: () => call('/api/admin/tools', {}, toolListSchema),
    putTool: (tool, entry) =>
      call(`/api/admin/tools/${id(tool)}`, { method: 'PUT', body: JSON.stringify(entry) }, toolChangeResponseSchema),
    removeTool: (tool) => call(`/api/admin/tools/${id(tool)}`, { method: 'DELETE' }, toolChangeResponseSchema),
    history: (before) =>
      call(`/api/admin/tools/history?limit=${historyPage}${before ? `&before=${before}` : ''}`, {}, toolHistorySchema),
    versions: () => call('/api/admin/versions', {}, versionsSchema),
    figures: (since) => call(`/api/admin/figures${since ? `?since=${since}` : ''}`, {}, figuresSchema),
    verifyAudit: () => call('/api/admin/audit/verify', {}, auditVerifySchema),
    async exportAudit() {
      // Not JSON: the file itself, read whole before it is offered (a broken-off stream is a failure, not a file).
      const headers = new Headers({ 'accept-language': lang === 'en' ? 'en' : 'nl' });
      for (const [name, value] of Object.entries(await identity.headers())) headers.set(name, value);
      let res: Response;
      let blob: Blob;
      try {
        res = await fetch('/api/admin/audit/export', { headers });
        blob = await res.blob();
      } catch {
        throw new ApiError(unreachable[lang], 0);
      }
      if (!res.ok) {
        const body = (await blob
          .text()
          .then((text) => JSON.parse(text) as unknown)
          .catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
        throw new ApiError(body?.error?.message || unreachable[lang], res.status, body?.error?.code);
      }
      const named = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
      const fileName =
        named && /^[A-Za-z0-9._-]+\.csv$/.test(named)
          ? named
          : `ai-wijzer-checks-${new Date().toISOString().slice(0, 10)}.csv`;
      return { blob, fileName };
    },
  };
}
