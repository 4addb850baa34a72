import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * The structured logger. Logs carry ids, codes and counts only: never message text, answers,
 * names or tokens (the redact list is a second line of defence). `destination` lets tests read
 * every line that would have been written.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'werktsamen' },
    redact: {
      paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'text', '*.text', 'password', '*.password'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'trace';
const LEVEL_OF: Record<ConsoleMethod, 'info' | 'warn' | 'error' | 'debug'> = {
  log: 'info',
  info: 'info',
  warn: 'warn',
  error: 'error',
  debug: 'debug',
  trace: 'debug',
};

/**
 * Libraries (BullMQ, the Bot Framework SDK) write to the console directly. This sends those lines
 * through pino instead, as one structured line each. Only the first line of the first argument
 * is kept, cut short, and only when it is a plain string: objects (activities, errors with
 * request bodies) are reduced to their type, so no payload text reaches the log.
 * Returns a function that puts the console back.
 */
export function routeConsoleToLogger(logger: Logger): () => void {
  const child = logger.child({ component: 'console' });
  const original = new Map<ConsoleMethod, (...args: unknown[]) => void>();
  for (const method of Object.keys(LEVEL_OF) as ConsoleMethod[]) {
    original.set(method, console[method]);
    console[method] = (...args: unknown[]) => {
      const [first] = args;
      const message =
        typeof first === 'string'
          ? (first.split('\n')[0] ?? '').slice(0, 160)
          : first instanceof Error
            ? first.name
            : `[${typeof first}]`;
      child[LEVEL_OF[method]]({ args: args.length }, message);
    };
  }
  return () => {
    for (const [method, fn] of original) console[method] = fn;
  };
}
