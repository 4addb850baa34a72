import { createLogger, type Logger } from '../../src/logger.js';

/** A real pino logger whose lines are kept in memory, so a test can read everything that was logged. */
export interface CapturedLogs {
  logger: Logger;
  lines: string[];
  text(): string;
}

export function captureLogs(level = 'trace'): CapturedLogs {
  const lines: string[] = [];
  const logger = createLogger(level, { write: (line: string) => void lines.push(line) });
  return { logger, lines, text: () => lines.join('') };
}
