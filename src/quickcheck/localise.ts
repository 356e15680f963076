import type { Lang } from '../lang.js';
import type { QuickcheckContent } from './content.js';
import { toolName } from './register.js';

/** One answer of a choice question, in one language. */
export interface CheckQuestionOption {
  value: string | boolean;
  label: string;
  /** The "weet ik niet" answer of its question. */
  unknown: boolean;
  note?: string;
}

/** One question of the check, in one language. */
export interface CheckQuestion {
  field: string;
  type: 'text' | 'choice';
  text: string;
  explanation: string;
  /** What "weet ik niet" fills in (text questions). */
  unknownValue?: string;
  options?: CheckQuestionOption[];
}

/** The questions in one language and the register's tools (GET /api/checks/questions, the tab's form). */
export interface CheckQuestions {
  questionsVersion: string;
  registerVersion: string;
  questions: CheckQuestion[];
  tools: { id: string; name: string; contracted: boolean }[];
}

/** The questions in one language, with the register's tools (named in that language): what the tab shows as a form. */
export function localisedQuestions(content: QuickcheckContent, lang: Lang): CheckQuestions {
  return {
    questionsVersion: content.questions.version,
    registerVersion: content.register.version,
    questions: content.questions.questions.map((q) =>
      q.type === 'text'
        ? {
            field: q.field,
            type: q.type,
            text: q.text[lang],
            explanation: q.explanation[lang],
            unknownValue: q.unknownValue[lang],
          }
        : {
            field: q.field,
            type: q.type,
            text: q.text[lang],
            explanation: q.explanation[lang],
            options: q.options.map((o) => ({
              value: o.value,
              label: o.label[lang],
              unknown: o.unknown,
              ...(o.note ? { note: o.note[lang] } : {}),
            })),
          },
    ),
    // The register's English name where it has one ("ChatGPT (free)").
    tools: content.register.tools.map((t) => ({ id: t.id, name: toolName(t, lang), contracted: t.contracted })),
  };
}
