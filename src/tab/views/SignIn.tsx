import { useState } from 'react';
import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { AuthTexts } from '../texts/auth.js';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    maxWidth: '44rem',
  },
  heading: { margin: 0 },
  text: { margin: 0 },
});

/**
 * Outside Teams with Entra ID and no account yet: what AI-wijzer is, why it wants you signed in, and one button that
 * goes to Entra ID's sign-in page (MSAL redirect) and back. Inside Teams nobody sees this: Teams signs in by itself.
 */
export function SignIn({ t, onSignIn, failed }: { t: AuthTexts; onSignIn: () => Promise<void>; failed: boolean }) {
  const styles = useStyles();
  const [going, setGoing] = useState(false);
  const [broken, setBroken] = useState(false);
  const start = () => {
    setGoing(true);
    setBroken(false);
    // The promise settles only when the navigation did not happen (blocked, timed out).
    onSignIn().catch(() => {
      setGoing(false);
      setBroken(true);
    });
  };
  return (
    <section aria-labelledby="sign-in-title" className={styles.page} data-testid="sign-in">
      <Subtitle1 as="h2" id="sign-in-title" className={styles.heading}>
        {t.signInTitle}
      </Subtitle1>
      {failed || broken ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t.signInFailed}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Body1 as="p" className={styles.text}>
        {t.signInWhat}
      </Body1>
      <Body1 as="p" className={styles.text}>
        {t.signInWhy}
      </Body1>
      <Body1 as="p" className={styles.text}>
        {t.signInHow}
      </Body1>
      <Button appearance="primary" size="large" onClick={start} disabled={going}>
        {t.signInButton}
      </Button>
      <Text role="status" aria-live="polite">
        {going ? t.signingIn : ''}
      </Text>
    </section>
  );
}
