import type { App, BlockAction, webApi } from '@slack/bolt';
import { castVote } from '../../app/cast-vote.js';
import { closePoll } from '../../app/close-poll.js';
import { runCommand } from '../../app/collab/run-command.js';
import { chooseOutcome, openCollabPoll, type Step4Outcome } from '../../app/collab/decide.js';
import { answerForm, decisionForm, editForm } from '../../app/collab/forms.js';
import { forgetCollaboration } from '../../app/collab/forget-collaboration.js';
import { collabMessages } from '../../content/collab-messages.js';
import { worksheetMessages } from '../../content/worksheets/messages.js';
import { PARTNERS_MAX } from '../../content/worksheets/definitions.js';
import { postAnswers, postStep } from '../../app/collab/steps.js';
import { parseCommand } from '../../app/parse-command.js';
import { AppError } from '../../domain/errors.js';
import { OutcomeSchema } from '../../domain/collaboration.js';
import { readActionValue, readSheetArg, readStep, readWorksheetArg } from '../../cards/action-values.js';
import { adoptForm, NEW_ITEM, postWorksheetAnswers, worksheetForm } from '../../app/collab/worksheets.js';
import { PollIdSchema, TemperatureSchema, type Locale, type Scope } from '../../domain/poll.js';
import { CLOSE_ACTION_ID } from '../../cards/poll-card-model.js';
import { failureText, type SlackContext } from './context.js';
import { modalFor } from './modals.js';
import { BlockActionSchema, ButtonActionSchema, HomeViewSchema } from './payloads.js';
import { showOverview } from '../../app/follow-ups/overview.js';
import { privateMessage } from './reply.js';
import { slackPlace } from './slack-messenger.js';
import { slackScope } from './workspace.js';
import type { Press } from './press.js';
import { followUpHandlers } from './follow-up-actions.js';
import { followUpFormHandlers } from './follow-up-form.js';


const collabValue = readActionValue;
const stepOf = readStep;

async function openView(p: Press, view: object): Promise<void> {
  if (!p.triggerId) throw new AppError('invalid_input', 'no trigger');
  await p.client.views.open({ trigger_id: p.triggerId, view: view as webApi.ModalView });
}

/**
 * Every button of every card, by action id (exact, or a prefix ending in '.' or '_'). One table:
 * a new card kind adds its rows here, the handler around it stays the same.
 */
const handlers: Record<string, (p: Press) => Promise<void>> = {
  poll_vote_: async (p) => {
    // No private confirmation per vote: the shared card shows the new count within two seconds.
    const pollId = PollIdSchema.safeParse(p.value);
    const choice = TemperatureSchema.safeParse(p.arg);
    if (!pollId.success || !choice.success) throw new AppError('invalid_input');
    await castVote(p.ctx.deps, { scope: p.scope, pollId: pollId.data, userId: p.userId, userName: p.userName, choice: choice.data });
  },
  [CLOSE_ACTION_ID]: async (p) => {
    const pollId = PollIdSchema.safeParse(p.value);
    if (!pollId.success) throw new AppError('invalid_input');
    await closePoll(p.ctx.deps, { scope: p.scope, pollId: pollId.data, userId: p.userId });
  },
  'collab.poststep': async (p) => {
    const { collabId, arg } = collabValue(p.value);
    await postStep(p.ctx.deps, { scope: p.scope, collabId, user: { id: p.userId } }, stepOf(arg));
  },
  'collab.edit': async (p) => {
    const { collabId } = collabValue(p.value);
    await openView(p, modalFor(await editForm(p.ctx.deps, { scope: p.scope, collabId, user: { id: p.userId } })));
  },
  'collab.pick.': async (p) => {
    const sep = p.value.indexOf('|');
    const { collabId } = collabValue(p.value.slice(0, sep));
    const text = p.value.slice(sep + 1);
    if (!p.channel) throw new AppError('invalid_input');
    const reply = await runCommand(p.ctx.deps, {
      scope: p.scope,
      place: slackPlace(p.channel),
      user: { id: p.userId },
      locale: await p.locale(),
      command: parseCommand(text),
      text,
      collabId,
      privateReply: true,
    });
    const message = privateMessage(reply);
    if (message) await p.respondPrivately(message);
  },
  'collab.forget': async (p) => {
    const { collabId } = collabValue(p.value);
    await forgetCollaboration(p.ctx.deps, { scope: p.scope, collabId, user: { id: p.userId } });
    await p.respondPrivately({ text: collabMessages(await p.locale()).forgotten }, true);
  },
  // A link button: Slack opens the URL itself and still tells us about the press.
  'link.open': async () => undefined,
  'collab.cancel': async (p) => {
    await p.respondPrivately({ text: collabMessages(await p.locale()).cancelled }, true);
  },
  // Step and reminder cards share these: the argument names the sheet.
  'step.answer': async (p) => {
    const { collabId, arg } = collabValue(p.value);
    await openView(p, modalFor(await answerForm(p.ctx.deps, { scope: p.scope, collabId, user: { id: p.userId } }, readSheetArg(arg))));
  },
  'step.show': async (p) => {
    const { collabId, arg } = collabValue(p.value);
    await postAnswers(p.ctx.deps, { scope: p.scope, collabId, user: { id: p.userId } }, readSheetArg(arg));
  },
  'step.outcome.': async (p) => {
    const { collabId, arg } = collabValue(p.value);
    if (!['ok', 'back1', 'back2', 'fails'].includes(arg)) throw new AppError('invalid_input');
    await chooseOutcome(p.ctx.deps, { scope: p.scope, collabId, user: { id: p.userId } }, arg as Step4Outcome);
  },
  'decision.record.': async (p) => {
    const { collabId, arg } = collabValue(p.value);
    const parsed = OutcomeSchema.safeParse(arg);
    if (!parsed.success) throw new AppError('invalid_input');
    const outcome = parsed.data;
    await openView(p, modalFor(await decisionForm(p.ctx.deps, { scope: p.scope, collabId, user: { id: p.userId } }, outcome)));
  },
  // Worksheet cards: the argument names the sheet and, after a dot, the item.
  'ws.fill': async (p) => openWorksheetForm(p),
  'ws.edit.': async (p) => openWorksheetForm(p),
  'ws.add': async (p) => {
    // A full list is said as such: the use case refuses a new partner as invalid_input, which reads as a forged request.
    const { collabId, arg } = collabValue(p.value);
    if (readWorksheetArg(arg).sheet === 'partners' && (await p.ctx.deps.collabs.answeredCount(p.scope, collabId, 'partners')) >= PARTNERS_MAX) {
      await p.respondPrivately({ text: worksheetMessages(await p.locale()).tooManyPartners(PARTNERS_MAX) });
      return;
    }
    await openWorksheetForm(p, NEW_ITEM);
  },
  'ws.show': async (p) => {
    const { collabId, arg } = collabValue(p.value);
    await postWorksheetAnswers(p.ctx.deps, { scope: p.scope, collabId, user: { id: p.userId } }, readWorksheetArg(arg).sheet);
  },
  'ws.adopt': async (p) => {
    const { collabId, arg } = collabValue(p.value);
    const { item } = readWorksheetArg(arg);
    const form = await adoptForm(p.ctx.deps, { scope: p.scope, collabId, user: { id: p.userId } }, item ?? '');
    const locale = await p.locale();
    await p.respondPrivately({ text: worksheetMessages(locale).adopted(collabMessages(locale).forms[form]) });
  },
  'decision.poll': async (p) => {
    const { collabId } = collabValue(p.value);
    await openCollabPoll(p.ctx.deps, { scope: p.scope, collabId, user: { id: p.userId } });
  },
  ...followUpHandlers,
  ...followUpFormHandlers,
};

async function openWorksheetForm(p: Press, item?: string): Promise<void> {
  const { collabId, arg } = collabValue(p.value);
  const target = readWorksheetArg(arg);
  await openView(p, modalFor(await worksheetForm(p.ctx.deps, { scope: p.scope, collabId, user: { id: p.userId } }, target.sheet, item ?? target.item)));
}

/** The handler for an action id and the argument after its key. */
function route(actionId: string): { handler: (p: Press) => Promise<void>; arg: string } | undefined {
  const exact = handlers[actionId];
  if (exact) return { handler: exact, arg: '' };
  for (const [key, handler] of Object.entries(handlers)) {
    if ((key.endsWith('.') || key.endsWith('_')) && actionId.startsWith(key)) return { handler, arg: actionId.slice(key.length) };
  }
  return undefined;
}

/** The buttons of every card. Acknowledged at once; failures reach the presser privately. */
export function registerActions(app: App, ctx: SlackContext): void {
  app.action<BlockAction>(/.*/, async ({ body, action, ack, respond, client }) => {
    await ack();
    let scope: Scope | undefined;
    let userId: string | undefined;
    const locale = async (): Promise<Locale> => (scope && userId ? ctx.locales.get(client, scope, userId) : 'nl');
    // A press on the Home tab has no message to answer under: the answer goes on top of the tab.
    const fromHome = HomeViewSchema.safeParse(body).success;
    const respondPrivately = async (message: { text: string; blocks?: webApi.KnownBlock[] }, replace = false): Promise<void> => {
      if (fromHome && scope && userId) await showOverview(ctx.deps, scope, { id: userId }, await locale(), message.text);
      else await respond({ response_type: 'ephemeral', replace_original: replace, ...message });
    };
    try {
      scope = await slackScope(body, ctx.workspace);
      const b = BlockActionSchema.safeParse(body);
      const a = ButtonActionSchema.safeParse(action);
      // Buttons send a value, overflow menus the value of the chosen option.
      const value = a.success ? (a.data.value ?? a.data.selected_option?.value) : undefined;
      if (!b.success || !a.success || value === undefined) throw new AppError('invalid_input');
      userId = b.data.user.id;
      const routed = route(a.data.action_id);
      if (!routed) throw new AppError('invalid_input', 'unknown action');
      await routed.handler({
        ctx,
        scope,
        userId,
        userName: b.data.user.name ?? b.data.user.username,
        value,
        arg: routed.arg,
        triggerId: b.data.trigger_id,
        channel: b.data.channel?.id ?? b.data.container?.channel_id,
        client,
        locale,
        respondPrivately,
      });
    } catch (err) {
      const text = failureText(ctx, 'action', err, await locale().catch(() => 'nl' as const));
      await respondPrivately({ text }).catch(() => undefined);
    }
  });
}
