import { pino, type Logger } from 'pino';

/**
 * The one logger. Privacy by default: request bodies, message text, names and e-mail addresses are
 * never passed to it; the redact list is a second line of defence for fields that might slip through.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { app: 'ai-wijzer' },
    redact: {
      paths: ['text', '*.text', 'question', '*.question', 'name', '*.name', 'email', '*.email', 'req.headers.authorization', 'body', '*.body'],
      censor: '[verborgen]',
    },
  });
}

export type { Logger };
