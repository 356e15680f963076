import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { MeResponse } from '../../api/admin.js';
import type { Lang } from '../../lang.js';
import type { CallIdentity } from '../api.js';
import { devUserPattern } from '../auth/dev-identity.js';
import { meClient } from '../auth/me.js';
import type { AuthTexts } from '../texts/auth.js';

const useStyles = makeStyles({
  bar: { marginTop: tokens.spacingVerticalM },
  banner: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
  field: { minWidth: '16rem' },
});

/**
 * Local development without Entra ID, marked on every page: a warning that nobody is really signed in, who the page
 * works as (the name and roles GET /api/me reports), and a way to pick another development user (kept in
 * sessionStorage, sent as X-Dev-User), e.g. "beheerder" to try Beheer. It never appears with Entra ID.
 */
export function DevIdentity({
  t,
  lang,
  identity,
  user,
  onChoose,
}: {
  t: AuthTexts;
  lang: Lang;
  /** Who the page calls as (the dev identity: X-Dev-User). */
  identity: CallIdentity;
  /** The chosen development user; undefined: none chosen, the server uses "lokaal". */
  user: string | undefined;
  onChoose: (name: string) => void;
}) {
  const styles = useStyles();
  const me = useMemo(() => meClient(lang, identity), [lang, identity]);
  const input = useRef<HTMLInputElement>(null);
  const change = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  const [answer, setAnswer] = useState<MeResponse | 'failed' | undefined>();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(user ?? '');
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    let live = true;
    setAnswer(undefined);
    me().then(
      (a) => live && setAnswer(a),
      () => live && setAnswer('failed'),
    );
    return () => {
      live = false;
    };
  }, [me]);

  // Opening the form puts the focus in its field; closing it puts the focus back on the button that opened it.
  useEffect(() => {
    if (open) input.current?.focus();
    else if (opened.current) change.current?.focus();
    opened.current ||= open;
  }, [open]);

  const shown = answer === 'failed' ? t.devUnknown : (answer?.devUser ?? user ?? 'lokaal');
  const roles =
    answer && answer !== 'failed'
      ? answer.roles.length > 0
        ? t.devRoles(answer.roles.map((r) => t.roles[r]).join(', '))
        : t.devNoRoles
      : '';

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const chosen = name.trim();
    if (!devUserPattern.test(chosen)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setOpen(false);
    onChoose(chosen);
  };

  return (
    <MessageBar intent="warning" layout="multiline" className={styles.bar} data-testid="dev-identity" data-print="hide">
      <MessageBarBody className={styles.banner}>
        <MessageBarTitle>{t.devTitle}</MessageBarTitle>
        <span aria-live="polite" data-testid="dev-user">
          {t.devText(shown)} {roles}
        </span>
        {open ? (
          <form className={styles.form} onSubmit={apply} noValidate>
            <Field
              className={styles.field}
              label={t.devField}
              hint={t.devHint}
              validationMessage={invalid ? t.devInvalid : undefined}
              validationState={invalid ? 'error' : 'none'}
            >
              <Input ref={input} value={name} onChange={(_e, d) => setName(d.value)} />
            </Field>
            <Button type="submit" appearance="primary">
              {t.devApply}
            </Button>
            <Button
              type="button"
              onClick={() => {
                setOpen(false);
                setInvalid(false);
                setName(user ?? '');
              }}
            >
              {t.devCancel}
            </Button>
          </form>
        ) : (
          <div>
            <Button ref={change} size="small" onClick={() => setOpen(true)}>
              {t.devChange}
            </Button>
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
