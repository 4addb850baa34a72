import { EventEmitter } from 'node:events';
import { createLogger, type Logger } from '../../src/logger.js';

/** A real pino logger whose lines are kept in memory, so a test can read everything that was logged. */
export interface CapturedLogs {
  logger: Logger;
  lines: string[];
  text(): string;
  /** Every line as the object pino wrote. */
  entries(): Record<string, unknown>[];
  /** Resolves with the first line (already written or still to come) that matches; rejects after `timeoutMs`. */
  waitFor(match: (entry: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
}

export function captureLogs(level = 'trace'): CapturedLogs {
  const lines: string[] = [];
  const events = new EventEmitter();
  const logger = createLogger(level, {
    write: (line: string) => {
      lines.push(line);
      events.emit('line', JSON.parse(line) as Record<string, unknown>);
    },
  });
  const entries = (): Record<string, unknown>[] => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return {
    logger,
    lines,
    text: () => lines.join(''),
    entries,
    waitFor(match, timeoutMs = 10_000) {
      const found = entries().find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const onLine = (entry: Record<string, unknown>): void => {
          if (!match(entry)) return;
          clearTimeout(timer);
          events.off('line', onLine);
          resolve(entry);
        };
        const timer = setTimeout(() => {
          events.off('line', onLine);
          reject(new Error('no matching log line'));
        }, timeoutMs);
        events.on('line', onLine);
      });
    },
  };
}
