import { AppError } from '../../domain/errors.js';
import type { Locale, Scope } from '../../domain/poll.js';
import type { ListView } from '../card-views.js';
import type { CollabRecord } from '../collab-ports.js';
import type { AppDeps } from '../deps.js';
import type { Place } from '../ports.js';

export type Found = { kind: 'one'; collabId: string } | { kind: 'choose'; options: { collabId: string; title: string }[] };

/** A collaboration whose root card is not stored this long after it began never started (Redis went away mid-start). */
const START_GRACE_MS = 60_000;

/** The channel's collaborations, oldest first, without those that never started. */
async function inChannel(deps: AppDeps, scope: Scope, channel: string) {
  const ids = await deps.collabs.listByChannel(scope, channel);
  const records = await Promise.all(ids.map((id) => deps.collabs.get(scope, id)));
  const now = deps.clock.now();
  return records.filter((r): r is CollabRecord => r !== undefined && (r.root !== undefined || now - r.collab.createdAt < START_GRACE_MS));
}

/**
 * The collaboration a command applies to: the thread's, else the channel's only one; with
 * several in the channel the caller asks which one; with none, AppError no_collab.
 */
export async function findCollaboration(deps: AppDeps, scope: Scope, place: Place): Promise<Found> {
  if (place.thread) {
    const id = await deps.collabs.findByThread(scope, place.thread);
    if (id) return { kind: 'one', collabId: id };
  }
  const records = await inChannel(deps, scope, place.channel);
  const open = records.filter((r) => r.collab.stage !== 'stopped');
  const candidates = open.length > 0 ? open : records;
  if (candidates.length === 0) throw new AppError('no_collab');
  if (candidates.length === 1) return { kind: 'one', collabId: candidates[0]!.collab.id };
  return { kind: 'choose', options: candidates.slice(-20).map((r) => ({ collabId: r.collab.id, title: r.collab.title })) };
}

/** The channel's collaborations with step, latest temperature and latest decision (`overzicht`). */
export async function listCollaborations(deps: AppDeps, scope: Scope, place: Place, locale: Locale): Promise<ListView> {
  const records = await inChannel(deps, scope, place.channel);
  const entries = await Promise.all(
    records.map(async ({ collab }) => {
      const [temps, decisions] = await Promise.all([deps.collabs.getTemperatures(scope, collab.id), deps.collabs.getDecisions(scope, collab.id)]);
      return { collab, temperature: temps.at(-1), decision: decisions.at(-1) };
    }),
  );
  return { locale, entries };
}
