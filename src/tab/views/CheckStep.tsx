import { Caption1, Checkbox, Field, Input, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import type { CheckQuestionsView } from '../api.js';
import type { CheckTexts } from '../texts/check.js';
import { otherTool, toolChoice, unknownChoice, type Answer, type CheckQuestion } from './check-answers.js';

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  other: { marginLeft: tokens.spacingHorizontalXXL, maxWidth: '24rem' },
  text: { maxWidth: '40rem' },
});

/**
 * The answer part of one question: its options as radio buttons (with "weet ik niet" among them), the register's
 * tools with "een andere tool" and "weet ik niet" for the tool, a text box with "weet ik niet" for a text question.
 * Labelled by the question's heading and described by its explanation (and the problem, when there is one).
 */
export function CheckStep({
  question,
  answer,
  onChange,
  tools,
  t,
  labelledBy,
  describedBy,
  invalid,
}: {
  question: CheckQuestion;
  answer: Answer | undefined;
  onChange: (answer: Answer) => void;
  tools: CheckQuestionsView['tools'];
  t: CheckTexts;
  labelledBy: string;
  describedBy: string;
  invalid: boolean;
}) {
  const styles = useStyles();
  const aria = {
    'aria-labelledby': labelledBy,
    'aria-describedby': describedBy,
    'aria-required': true,
    'aria-invalid': invalid || undefined,
  } as const;

  if (question.type === 'choice') {
    const chosen = answer?.choice === undefined ? undefined : question.options?.[Number(answer.choice)];
    return (
      <div className={styles.step}>
        <RadioGroup
          {...aria}
          value={answer?.choice ?? ''}
          onChange={(_e, d) => onChange({ ...answer, choice: d.value })}
        >
          {question.options?.map((option, i) => (
            <Radio key={i} value={String(i)} label={option.label} />
          ))}
        </RadioGroup>
        {chosen?.note && <Caption1 aria-live="polite">{chosen.note}</Caption1>}
      </div>
    );
  }

  if (question.field === 'tool') {
    return (
      <div className={styles.step}>
        <RadioGroup
          {...aria}
          value={answer?.choice ?? ''}
          onChange={(_e, d) => onChange({ ...answer, choice: d.value })}
        >
          {tools.map((tool) => (
            <Radio key={tool.id} value={toolChoice(tool.id)} label={tool.name} />
          ))}
          <Radio value={otherTool} label={t.otherTool} />
          <Radio value={unknownChoice} label={t.unknown} />
        </RadioGroup>
        {answer?.choice === otherTool && (
          <Field className={styles.other} label={t.otherToolName} hint={t.notInRegister} required>
            <Input
              value={answer.text ?? ''}
              maxLength={200}
              onChange={(_e, d) => onChange({ ...answer, text: d.value })}
            />
          </Field>
        )}
      </div>
    );
  }

  const unknown = answer?.choice === unknownChoice;
  return (
    <div className={styles.step}>
      <Input
        {...aria}
        className={styles.text}
        value={answer?.text ?? ''}
        maxLength={1000}
        disabled={unknown}
        onChange={(_e, d) => onChange({ ...answer, text: d.value })}
      />
      <Checkbox
        label={t.unknown}
        checked={unknown}
        onChange={(_e, d) => onChange({ ...answer, choice: d.checked ? unknownChoice : undefined })}
      />
    </div>
  );
}
