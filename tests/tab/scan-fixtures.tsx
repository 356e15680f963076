import { jest } from '@jest/globals';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { ScanJobSummary } from '../../src/api/scan-jobs.js';
import type { ScanReportView } from '../../src/api/scans.js';
import type { ScanClient } from '../../src/tab/api.js';

// jsdom has no ResizeObserver; Fluent's MessageBar watches its width with one.
if (!('ResizeObserver' in window))
  Object.assign(window, {
    ResizeObserver: class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  });

export const targets = {
  viewer: 'user' as const,
  targets: [
    { kind: 'drive' as const, id: 'od-1', name: 'OneDrive' },
    { kind: 'team' as const, id: 'team-1', name: 'Team Wijkzaken' },
    { kind: 'team' as const, id: 'team-2', name: 'Team Financiën' },
    { kind: 'site' as const, id: 'groningen.sharepoint.com,s-1,w-1', name: 'Intranet' },
  ],
  incomplete: [],
  truncated: false,
};

export function job(over: Partial<ScanJobSummary> = {}): ScanJobSummary {
  return {
    id: 'job-1',
    status: 'running',
    target: { kind: 'team', id: 'team-1' },
    progress: { items: 0, requests: 0, throttledSeconds: 0 },
    createdAt: '2026-11-30T09:00:00.000Z',
    notes: [],
    ...over,
  };
}

export const reportView: ScanReportView = {
  id: 'scan-42',
  origin: 'own',
  target: { kind: 'team', id: 'team-1' },
  report: {
    source: 'graph',
    root: 'Team Wijkzaken',
    complete: true,
    startedAt: '2026-11-30T09:00:00.000Z',
    finishedAt: '2026-11-30T09:01:00.000Z',
    stats: { files: 120, folders: 12, bytes: 1000, graphRequests: 14 },
    score: 71,
    label: 'C',
    subScores: { technical: 90, findability: 60, privacy: 65 },
    ruleCounts: { 'empty-folder': 2, 'personal-data-in-name': 1, 'version-in-name': 1 },
    findings: [
      {
        rule: 'empty-folder',
        severity: 'low',
        path: '/Archief/Leeg',
        detail: 'Deze map is leeg.',
        advice: 'Verwijder de map.',
      },
      {
        rule: 'personal-data-in-name',
        severity: 'high',
        path: '/Zaken/=BSN 1234',
        detail: 'De naam bevat een BSN (***).',
        advice: 'Haal het BSN uit de naam; zet het stuk in het zaaksysteem.',
        group: 'urgent',
      },
      {
        rule: 'version-in-name',
        severity: 'medium',
        path: '/Beleid/nota; definitief "v2".docx',
        detail: "De naam bevat het versiewoord 'definitief'.",
        advice: 'Gebruik versiebeheer.',
      },
      {
        rule: 'empty-folder',
        severity: 'low',
        path: '/Beleid/Oud',
        detail: 'Deze map is leeg.',
        advice: 'Verwijder de map.',
      },
    ],
    folders: [
      {
        path: '/Beleid',
        items: 40,
        findings: 2,
        score: 80,
        label: 'B',
        subScores: { technical: 90, findability: 70, privacy: 80 },
        capped: false,
      },
      {
        path: '/Zaken',
        items: 30,
        findings: 1,
        score: 40,
        label: 'E',
        subScores: { technical: 90, findability: 60, privacy: 10 },
        capped: true,
      },
    ],
    advice: {
      urgent: [
        { rule: 'personal-data-in-name', title: 'Persoonsgegevens in de naam', count: 1, advice: 'Haal ze eruit.' },
      ],
      'within-a-year': [{ rule: 'version-in-name', title: 'Versie in de naam', count: 1, advice: 'Versiebeheer.' }],
      desirable: [{ rule: 'empty-folder', title: 'Lege map', count: 2, advice: 'Ruim op.' }],
    },
    trend: {
      previousId: 'scan-41',
      previousFinishedAt: '2026-10-30T09:00:00.000Z',
      previousScore: 65,
      previousLabel: 'D',
      scoreDelta: 6,
      rules: [
        { rule: 'empty-folder', before: 5, now: 2, delta: -3 },
        { rule: 'personal-data-in-name', before: 1, now: 1, delta: 0 },
      ],
    },
  },
};

/** A ScanClient whose calls are jest mocks. */
export function fakeScanApi() {
  return {
    scans: jest.fn<ScanClient['scans']>(async () => ({ jobs: [], reports: [] })),
    targets: jest.fn<ScanClient['targets']>(async () => targets),
    start: jest.fn<ScanClient['start']>(async () => job({ status: 'queued' })),
    job: jest.fn<ScanClient['job']>(),
    report: jest.fn<ScanClient['report']>(async () => reportView),
  } satisfies ScanClient;
}

export function renderInFluent(ui: ReactElement) {
  return render(<FluentProvider theme={teamsLightTheme}>{ui}</FluentProvider>);
}
