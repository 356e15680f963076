import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * The one logger. Privacy by default: request bodies, message text, names and e-mail addresses are
 * never passed to it; the redact list is a second line of defence for fields that might slip through.
 * Lines go to stdout, or to `destination` (a test that reads back what was logged).
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'ai-wijzer' },
    redact: {
      paths: [
        'text',
        '*.text',
        'question',
        '*.question',
        'name',
        '*.name',
        'email',
        '*.email',
        'req.headers.authorization',
        'body',
        '*.body',
      ],
      censor: '[verborgen]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };

/**
 * An error as it may be logged: its kind and a message with what could name a person or a file taken out
 * (quoted text, file paths, e-mail addresses, long digit runs such as a BSN). The stack stays: it names our code.
 */
export function errorForLog(error: unknown): { name: string; code?: string; message: string; stack?: string } {
  const err = error instanceof Error ? error : new Error(String(error));
  const message = err.message
    .replace(/(["'`]).*?\1/g, '[…]')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[e-mail]')
    .replace(/(?:[A-Za-z]:)?(?:[\\/][^\s\\/:]+){2,}[\\/]?/g, '[pad]')
    .replace(/\d{7,}/g, '[nummer]');
  const code = (err as { code?: unknown }).code;
  return {
    name: err.name,
    ...(typeof code === 'string' ? { code } : {}),
    message,
    ...(err.stack
      ? {
          stack: err.stack
            .split('\n')
            .filter((l) => l.trim().startsWith('at '))
            .join('\n'),
        }
      : {}),
  };
}
