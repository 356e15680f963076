import { jest } from '@jest/globals';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { CheckRequest, CheckResponse } from '../../src/api/checks.js';
import type { Lang } from '../../src/lang.js';
import {
  evaluateCase,
  loadQuickcheckContent,
  localisedQuestions,
  publicVerdict,
  type CheckCase,
} from '../../src/quickcheck/index.js';
import type { ApiClient, CheckQuestionsView } from '../../src/tab/api.js';

// jsdom has no ResizeObserver; Fluent's single-line MessageBar watches its width with one.
if (!('ResizeObserver' in window))
  Object.assign(window, {
    ResizeObserver: class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  });

/** The shipped questions and rules, as the server would serve and judge them: the tab is tested on the real content. */
export const content = loadQuickcheckContent();
export const questions = (lang: Lang = 'nl'): CheckQuestionsView => localisedQuestions(content, lang);

let seq = 0;
/** What POST /api/checks answers for a case: the domain's verdict with a record number. */
export function recorded(input: CheckRequest, lang: Lang = 'nl', at = '2026-11-23T10:15:00.000Z'): CheckResponse {
  const verdict = publicVerdict(
    evaluateCase(content, content.register, input as CheckCase, { lang, contact: 'privacy@groningen.nl' }),
  );
  seq += 1;
  return { ...verdict, record: { seq: 100 + seq, at, hash: 'a'.repeat(64) } };
}

/** An ApiClient whose calls are jest mocks; the check pages' calls answer from the real content unless told otherwise. */
export function fakeApi() {
  return {
    ask: jest.fn<ApiClient['ask']>(),
    feedback: jest.fn<ApiClient['feedback']>(),
    choice: jest.fn<ApiClient['choice']>(),
    vision: jest.fn<ApiClient['vision']>(),
    checkQuestions: jest.fn<ApiClient['checkQuestions']>(async () => questions()),
    check: jest.fn<ApiClient['check']>(async (body) => recorded(body)),
    myChecks: jest.fn<ApiClient['myChecks']>(async () => ({ checks: [] })),
    myCheck: jest.fn<ApiClient['myCheck']>(),
    reassess: jest.fn<ApiClient['reassess']>(),
  } satisfies ApiClient;
}

export function renderInFluent(ui: ReactElement) {
  return render(<FluentProvider theme={teamsLightTheme}>{ui}</FluentProvider>);
}
