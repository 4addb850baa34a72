import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AnswerSet, Person, WorksheetId } from '../../domain/collaboration.js';
import { questionSheetIds, worksheetIds } from '../../domain/collaboration.js';
import type { Locale } from '../../domain/poll.js';
import { sheetText } from '../../content/sheets.js';
import { loadCollab, openItems } from '../collab-views.js';
import type { AppDeps } from '../deps.js';
import type { DossierModel } from '../dossier-ports.js';
import { messengerFor } from './start-collaboration.js';
import { listOrder } from '../../domain/worksheet-entries.js';
import type { Actor } from './steps.js';

const TOKEN = /^([A-Za-z0-9_-]{22})\.(\d{10,15})\.([A-Za-z0-9_-]{43})$/;

/**
 * Creates a private, signed, expiring link to the collaboration's dossier for the person who
 * asked (anyone in its conversation). On Slack the Markdown version is also posted in the thread.
 */
export async function requestDossier(deps: AppDeps, a: Actor, locale: Locale): Promise<{ url: string; filePosted: boolean }> {
  const { collab, thread } = await loadCollab(deps, a.scope, a.collabId);
  const linkId = randomBytes(16).toString('base64url');
  const expiresAt = deps.clock.now() + deps.dossier.linkMs;
  await deps.collabs.addLink(a.scope, a.collabId, linkId);
  await deps.dossier.links.put(linkId, { scope: a.scope, collabId: a.collabId, locale, expiresAt });
  const token = `${linkId}.${expiresAt}.${deps.pseudonyms.linkSignature(linkId, expiresAt)}`;
  let filePosted = false;
  if (thread) {
    const model = await buildDossier(deps, a.scope, a.collabId, collab.locale);
    const content = deps.dossier.renderMarkdown(model);
    filePosted = await messengerFor(deps, a.scope).postFile(thread, { name: `werktsamen-${collab.id}.md`, title: collab.title, content });
  }
  return { url: `${deps.dossier.publicUrl}/dossier/${token}`, filePosted };
}

/** The dossier a link opens, or undefined for a forged, altered, expired or revoked link (no hint which). */
export async function openDossier(deps: AppDeps, token: string): Promise<DossierModel | undefined> {
  const m = TOKEN.exec(token);
  if (!m) return undefined;
  const [, linkId, exp, signature] = m as unknown as [string, string, string, string];
  const expected = Buffer.from(deps.pseudonyms.linkSignature(linkId, Number(exp)));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  if (Number(exp) <= deps.clock.now()) return undefined;
  const link = await deps.dossier.links.get(linkId);
  if (!link || link.expiresAt !== Number(exp) || link.expiresAt <= deps.clock.now()) return undefined;
  const record = await deps.collabs.get(link.scope, link.collabId);
  if (!record) return undefined;
  return buildDossier(deps, link.scope, link.collabId, link.locale);
}

async function buildDossier(deps: AppDeps, scope: Actor['scope'], collabId: string, locale: Locale): Promise<DossierModel> {
  const { collab } = await loadCollab(deps, scope, collabId);
  const [answers, worksheetEntries, history, temperatures, decisions, items] = await Promise.all([
    Promise.all(questionSheetIds.map((sheet) => deps.collabs.getAnswers(scope, collabId, sheet))),
    Promise.all(worksheetIds.map((sheet) => deps.collabs.getAnswers(scope, collabId, sheet))),
    deps.collabs.getHistory(scope, collabId),
    deps.collabs.getTemperatures(scope, collabId),
    deps.collabs.getDecisions(scope, collabId),
    openItems(deps, scope, collabId, locale),
  ]);
  const people: Person[] = [
    collab.facilitator,
    ...(collab.opvolger ? [collab.opvolger] : []),
    ...collab.coordinators,
    ...answers.flat().map((s) => s.by),
    ...worksheetEntries.flat().map((s) => s.by),
    ...decisions.map((d) => d.by),
  ];
  const names = await messengerFor(deps, scope).displayNames(people).catch(() => ({}));
  return {
    locale,
    collab,
    names,
    // Steps always; reminders only when someone answered them.
    sheets: questionSheetIds
      .map((sheet, i) => ({ sheet, sets: answers[i]! }))
      .filter(({ sheet, sets }) => sheet.startsWith('step') || sets.length > 0)
      .map(({ sheet, sets }) => {
        const content = sheetText(locale, sheet);
        return {
          sheet,
          title: content.title,
          questions: content.questions.map((q) => ({
            id: q.id,
            label: q.label,
            answers: sets.filter((s) => (s.values[q.id] ?? '') !== '').map((s) => ({ by: s.by, at: s.at, text: s.values[q.id]! })),
          })),
        };
      }),
    worksheets: Object.fromEntries(worksheetIds.map((id, i) => [id, id === 'partners' ? listOrder(worksheetEntries[i]!) : worksheetEntries[i]!])) as Record<WorksheetId, AnswerSet[]>,
    history,
    temperatures,
    decisions,
    openItems: items,
    generatedAt: deps.clock.now(),
  };
}
