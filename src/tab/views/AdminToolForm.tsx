import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import type { ToolChangeResponse, ToolEntry } from '../../api/admin.js';
import type { Lang } from '../../lang.js';
import { ApiError } from '../api.js';
import type { AdminClient } from '../api-admin.js';
import { adminTexts, type AdminTexts } from '../texts/admin.js';
import {
  bodyOf,
  emptyValues,
  errorsOf,
  toolFormFields,
  validate,
  valuesOf,
  type FieldErrors,
  type FormField,
  type FormValues,
} from './admin-tool-form.js';
import { ErrorWithRetry } from './ErrorWithRetry.js';
import { useScanStyles } from './scan-styles.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '44rem' },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  legend: { ...typographyStyles.body1Strong, padding: 0 },
  hint: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
  error: { ...typographyStyles.caption1, color: tokens.colorPaletteRedForeground1 },
  choices: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))' },
});

/**
 * The form to add a tool or change one: every field of the register entry (from its schema, admin-tool-form.ts),
 * labelled, with the register's meaning as hint. Checked with the server's schema before it is sent; what the
 * server still refuses (a name another tool has, a data class too high without a contract) shows at its field.
 * What was typed stays after any failure.
 */
export function AdminToolForm({
  api,
  lang,
  tool,
  onSaved,
  onCancel,
}: {
  api: AdminClient;
  lang: Lang;
  /** The tool to change; none: a new one. */
  tool?: ToolEntry;
  onSaved: (result: ToolChangeResponse) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const layout = useScanStyles();
  const t = adminTexts[lang];
  const [values, setValues] = useState<FormValues>(() => (tool ? valuesOf(tool) : emptyValues()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState('');
  const [failure, setFailure] = useState('');
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const set = (name: string, value: FormValues[string]) => setValues((v) => ({ ...v, [name]: value }));
  const showErrors = (found: FieldErrors, message: string) => {
    setErrors(found);
    setSummary(message);
    // Focus to the first field with a problem, in the form's order.
    const first = toolFormFields.find((f) => found[f.name]);
    requestAnimationFrame(() => {
      const target = first
        ? form.current?.querySelector<HTMLElement>(`[data-field="${first.name}"] :is(input, textarea):not([disabled])`)
        : undefined;
      (target ?? heading.current)?.focus();
    });
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    setFailure('');
    const id = tool ? tool.id : String(values.id ?? '').trim();
    const body = { ...bodyOf(values), id };
    const found = validate(id, body, lang);
    const count = Object.keys(found).length;
    if (count > 0) return showErrors(found, t.invalid(count));
    setErrors({});
    setSummary('');
    setSaving(true);
    try {
      onSaved(await api.putTool(id, body));
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.problems.length > 0) {
        showErrors(errorsOf(e.problems), t.refused);
      } else setFailure((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="admin-tool-form" className={layout.section}>
      <h4 id="admin-tool-form" ref={heading} tabIndex={-1} className={layout.h4}>
        {tool ? t.editTitle(tool.name) : t.addTitle}
      </h4>
      <Body1 as="p">{t.formIntro}</Body1>
      <form
        ref={form}
        className={styles.form}
        noValidate
        onSubmit={(e) => void submit(e)}
        data-testid="admin-tool-form"
      >
        <div role="alert" data-testid="admin-form-summary">
          {summary && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                {summary}
                {errors['(invoer)'] ? ` ${errors['(invoer)']}` : ''}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
        {toolFormFields.map((field) => (
          <FormFieldView
            key={field.name}
            field={field}
            t={t}
            value={values[field.name]}
            error={errors[field.name]}
            fixed={field.name === 'id' && tool !== undefined}
            onChange={(value) => set(field.name, value)}
          />
        ))}
        {failure && <ErrorWithRetry message={failure} retryLabel={t.retry} onRetry={() => void submit()} />}
        <div className={layout.row}>
          <Button type="submit" appearance="primary" disabled={saving}>
            {t.save}
          </Button>
          <Button type="button" onClick={onCancel} disabled={saving}>
            {t.cancel}
          </Button>
          {saving && <Spinner size="tiny" label={t.saving} />}
        </div>
      </form>
    </section>
  );
}

/** One field of the entry, by its kind. */
function FormFieldView({
  field,
  t,
  value,
  error,
  fixed,
  onChange,
}: {
  field: FormField;
  t: AdminTexts;
  value: FormValues[string] | undefined;
  error?: string;
  /** The id of an existing tool: shown, not changed. */
  fixed: boolean;
  onChange: (value: FormValues[string]) => void;
}) {
  const styles = useStyles();
  const { label, hint } = t.fields[field.name];
  const { kind } = field;
  const validation = error ? { validationState: 'error' as const, validationMessage: error } : {};
  const optionLabel = (option: string) => t.options[field.name]?.[option] ?? option;
  const id = `admin-field-${field.name}`;

  if (kind.kind === 'choices') {
    // Several checkboxes: a fieldset with its legend, the hint and the problem described on the group.
    const selected = Array.isArray(value) ? value : [];
    return (
      <fieldset
        className={styles.fieldset}
        data-field={field.name}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
      >
        <legend className={styles.legend}>{label}</legend>
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
        <div className={styles.choices}>
          {kind.options.map((option) => (
            <Checkbox
              key={option}
              label={optionLabel(option)}
              checked={selected.includes(option)}
              onChange={(_, d) => onChange(d.checked ? [...selected, option] : selected.filter((o) => o !== option))}
            />
          ))}
        </div>
        {error && (
          <span id={`${id}-error`} className={styles.error}>
            {error}
          </span>
        )}
      </fieldset>
    );
  }
  if (kind.kind === 'flag')
    return (
      <Field hint={hint} {...validation} data-field={field.name}>
        <Checkbox label={label} checked={value === true} onChange={(_, d) => onChange(d.checked === true)} />
      </Field>
    );
  if (kind.kind === 'choice')
    return (
      <Field label={label} hint={hint} required {...validation} data-field={field.name}>
        <RadioGroup value={typeof value === 'string' ? value : ''} onChange={(_, d) => onChange(d.value)}>
          {kind.options.map((option) => (
            <Radio key={option} value={option} label={optionLabel(option)} />
          ))}
        </RadioGroup>
      </Field>
    );
  const text = typeof value === 'string' ? value : '';
  if (kind.kind === 'list')
    return (
      <Field label={label} hint={`${hint} ${t.listHint}`} {...validation} data-field={field.name}>
        <Textarea value={text} resize="vertical" rows={3} onChange={(_, d) => onChange(d.value)} />
      </Field>
    );
  return (
    <Field
      label={label}
      hint={fixed ? `${hint} ${t.idFixed}` : hint}
      required={kind.required || field.name === 'id'}
      {...validation}
      data-field={field.name}
    >
      {kind.multiline ? (
        <Textarea value={text} resize="vertical" rows={4} onChange={(_, d) => onChange(d.value)} />
      ) : (
        <Input value={text} readOnly={fixed} onChange={(_, d) => onChange(d.value)} />
      )}
    </Field>
  );
}
