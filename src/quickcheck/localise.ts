import type { CheckQuestions } from '../api/checks.js';
import type { Lang } from '../lang.js';
import type { QuickcheckContent } from './content.js';

/** The questions in one language, with the register's tools: what the tab shows as a form. */
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
            unknownValue: q.unknownValue,
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
    tools: content.register.tools.map((t) => ({ id: t.id, name: t.name, contracted: t.contracted })),
  };
}
