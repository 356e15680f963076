import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';

/** A failed call in plain language (the server's message, or that AI-wijzer cannot be reached) and a way to try again. */
export function ErrorWithRetry({
  message,
  retryLabel,
  onRetry,
  note,
}: {
  message: string;
  retryLabel: string;
  onRetry: () => void;
  /** What was kept, e.g. that the answers are still there. */
  note?: string;
}) {
  return (
    <MessageBar intent="error" layout="multiline" data-testid="api-error">
      <MessageBarBody>
        {message}
        {note ? ` ${note}` : ''}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{retryLabel}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
