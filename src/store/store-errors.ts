import { AppError } from '../domain/errors.js';

/**
 * Turns a Redis connection failure into `store_unavailable` so the edge can tell the user to try
 * again; AppErrors (rule violations raised by scripts) pass through unchanged.
 */
export async function asStoreError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('store_unavailable', 'redis unavailable', { cause: err });
  }
}
