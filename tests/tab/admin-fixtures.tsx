import { jest } from '@jest/globals';
import type { RegisterState, ToolEntry, ToolHistory } from '../../src/api/admin.js';
import type { AdminClient } from '../../src/tab/api-admin.js';

export { renderInFluent } from './scan-fixtures.js';

/** Two tools as the register's schema gives them (defaults filled in). */
export const tools: ToolEntry[] = [
  {
    id: 'm365-copilot',
    name: 'Microsoft 365 Copilot',
    vendor: 'Microsoft',
    aliases: ['m365 copilot', 'copilot in word'],
    contracted: true,
    hosting: 'eu',
    maxData: 'personal',
    tasks: ['text', 'summarize'],
    dpia: ['text', 'summarize'],
    notes: 'Binnen de EU Data Boundary.',
  },
  {
    id: 'chatgpt-free',
    name: 'ChatGPT (gratis)',
    vendor: 'OpenAI',
    aliases: ['chatgpt'],
    contracted: false,
    hosting: 'non-eu',
    maxData: 'none',
    tasks: ['text'],
    dpia: [],
    notes: 'Niet gecontracteerd.',
  },
];

export const register: RegisterState = {
  version: 'voorbeeld-2026-11-23',
  source: 'database',
  startVersion: 'voorbeeld-2026-11-23',
  revision: 0,
  example: true,
  seededAt: '2026-12-01T08:00:00.000Z',
  changedAt: null,
};

export const history: ToolHistory = {
  start: { version: 'voorbeeld-2026-11-23', at: '2026-12-01T08:00:00.000Z' },
  changes: [
    {
      seq: 1,
      revision: 1,
      at: '2026-12-01T09:00:00.000Z',
      who: '0123456789abcdef0123456789abcdef',
      byYou: true,
      toolId: 'chatgpt-free',
      action: 'changed',
      before: { ...tools[1]!, maxData: 'none', notes: 'Oud.' },
      after: tools[1]!,
    },
  ],
};

/** An admin client whose answers a spec sets; by default an admin with the two tools above. */
export function fakeAdminApi(roles: ('admin' | 'teamlead')[] = ['admin']) {
  return {
    me: jest.fn<AdminClient['me']>(async () => ({ roles, identity: 'dev' as const, devUser: 'beheerder' })),
    tools: jest.fn<AdminClient['tools']>(async () => ({ register, tools })),
    putTool: jest.fn<AdminClient['putTool']>(async (id, entry) => ({
      action: 'changed' as const,
      id,
      tool: { aliases: [], dpia: [], notes: '', ...entry, id } as ToolEntry,
      register: { ...register, revision: 1 },
    })),
    removeTool: jest.fn<AdminClient['removeTool']>(async (id) => ({
      action: 'removed' as const,
      id,
      register: { ...register, revision: 1 },
    })),
    history: jest.fn<AdminClient['history']>(async () => history),
    versions: jest.fn<AdminClient['versions']>(async () => ({
      rules: { version: 'regels-1', legalDatesVersion: 'data-1', legalDatesAsOf: '2026-11-01' },
      questions: { version: 'vragen-1' },
      register,
      vision: { version: 'visie-2', date: '2026-10-01' },
      app: { version: '0.1.0' },
    })),
    figures: jest.fn<AdminClient['figures']>(async (since) => ({
      since: since ?? null,
      checks: {
        total: 3,
        perVerdict: { prohibited: 1, consult: 0, conditional: 0, allowed: 2 },
        perTool: [
          { toolId: 'm365-copilot', name: 'Microsoft 365 Copilot', count: 2 },
          { toolId: null, name: null, count: 1 },
        ],
      },
      unanswered: {
        total: 2,
        perLanguage: { nl: 1, en: 1, unknown: 0 },
        perOutcome: { suggest: 1, abstain: 1, unknown: 0 },
      },
      feedback: [{ sectionId: 'privacy', heading: 'Privacy', helpful: 1, notHelpful: 1 }],
    })),
    verifyAudit: jest.fn<AdminClient['verifyAudit']>(async () => ({
      ok: true as const,
      count: 3,
      lastHash: 'ab'.repeat(32),
    })),
    exportAudit: jest.fn<AdminClient['exportAudit']>(async () => ({
      blob: new Blob(['\ufeffseq;tijdstip\r\n']),
      fileName: 'ai-wijzer-checks-2026-12-02.csv',
    })),
  } satisfies AdminClient;
}
