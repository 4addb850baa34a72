import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The structured logger. Logs carry ids, codes and counts only: never message text, answers,
 * names or tokens (the redact list is a second line of defence).
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'werktsamen' },
    redact: {
      paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'text', '*.text', 'password', '*.password'],
      censor: '[redacted]',
    },
  });
}
