import type { CardView } from '../app/card-views.js';
import type { Person } from '../domain/collaboration.js';
import { buildPollCardModel } from './poll-card-model.js';
import { buildWorksheetModel } from './worksheet-model.js';
import { buildFollowUpModel } from './follow-up-model.js';
import { buildChaseModel } from './chase-model.js';
import { buildDecisionModel, buildReminderModel, buildRootModel, buildStepModel, type Formatting } from './collab-card-models.js';
import {
  buildAnswersModel,
  buildChooseModel,
  buildConfirmModel,
  buildDecisionsModel,
  buildEvaluationModel,
  buildListModel,
  buildRegisterModel,
  paginate,
  type SummaryCardModel,
} from './summary-card-models.js';
import { escapeSlack, expandCard, renderSlackNotice, renderSlackPoll, renderTeamsNotice, renderTeamsPoll, type SlackMessage } from './render.js';

/** Slack resolves `<@U…>` to the person's current name for every reader, so no name is stored for it. */
export const slackFormatting: Formatting = {
  person: (p: Person) => `<@${p.id}>`,
  text: escapeSlack,
  newline: '\n',
};

/** Teams shows the name the person had when they acted (plain text; no @-mention is sent). */
export const teamsFormatting: Formatting = {
  person: (p: Person) => p.name ?? '?',
  text: (s) => s,
  newline: '\n\n',
};

function summaryPages(view: CardView, f: Formatting): SummaryCardModel[] | undefined {
  switch (view.kind) {
    case 'answers':
      return paginate(buildAnswersModel(view.view, f));
    case 'evaluation':
      return paginate(buildEvaluationModel(view.collab, f));
    case 'decisions':
      return paginate(buildDecisionsModel(view.view, f));
    case 'list':
      return paginate(buildListModel(view.view, f));
    case 'register':
      return paginate(buildRegisterModel(view.locale, view.name, view.entries, f));
    default:
      return undefined;
  }
}

/**
 * The Block Kit messages for a card view: one for most kinds, several for long summaries (a
 * message holds at most 50 blocks). One table for every kind; adding a kind adds a line here.
 */
export function renderSlackCard(view: CardView): SlackMessage[] {
  const f = slackFormatting;
  const pages = summaryPages(view, f);
  if (pages) return pages.map((p) => expandCard('slack', 'summary', p) as unknown as SlackMessage);
  switch (view.kind) {
    case 'poll':
      return [renderSlackPoll(buildPollCardModel(view.state, view.personal))];
    case 'notice':
      return [renderSlackNotice(view.text)];
    case 'root':
      return [expandCard('slack', 'root', buildRootModel(view.view, f, view.personal)) as unknown as SlackMessage];
    case 'step':
      return [expandCard('slack', 'step', buildStepModel(view.view, f, view.personal)) as unknown as SlackMessage];
    case 'reminder':
      return [expandCard('slack', 'step', buildReminderModel(view.view, f, view.personal)) as unknown as SlackMessage];
    case 'worksheet':
      return [expandCard('slack', 'worksheet', buildWorksheetModel(view.view, f, view.personal)) as unknown as SlackMessage];
    case 'decision':
      return [expandCard('slack', 'decision', buildDecisionModel(view.view, f, view.personal)) as unknown as SlackMessage];
    case 'choose':
      return [expandCard('slack', 'choose', buildChooseModel(view.locale, view.command, view.options, f)) as unknown as SlackMessage];
    case 'confirm':
      return [expandCard('slack', 'confirm', buildConfirmModel(view.locale, view.collabId, view.title, f)) as unknown as SlackMessage];
    case 'offer':
      return [expandCard('slack', 'offer', { ...view, text: f.text(view.text) }) as unknown as SlackMessage];
    case 'link':
      return [expandCard('slack', 'link', { ...view, text: f.text(view.text) }) as unknown as SlackMessage];
    case 'followups':
      return [expandCard('slack', 'followups', buildFollowUpModel(view.view, f)) as unknown as SlackMessage];
    case 'chase':
      // Slack turns <#C…> into a link to the channel, under its current name.
      return [expandCard('slack', 'chase', buildChaseModel(view.view, f, view.view.where.platform === 'slack' ? `<#${view.view.where.channel}>` : '')) as unknown as SlackMessage];
    default:
      throw new Error(`no slack rendering for ${view.kind}`);
  }
}

/** The Adaptive Cards for a card view (several for long summaries, to stay under Teams' message size). */
export function renderTeamsCard(view: CardView): Record<string, unknown>[] {
  const f = teamsFormatting;
  const pages = summaryPages(view, f);
  if (pages) return pages.map((p) => expandCard('teams', 'summary', p));
  switch (view.kind) {
    case 'poll':
      return [renderTeamsPoll(buildPollCardModel(view.state, view.personal))];
    case 'notice':
      return [renderTeamsNotice(view.text)];
    case 'root':
      return [expandCard('teams', 'root', buildRootModel(view.view, f, view.personal))];
    case 'step':
      return [expandCard('teams', 'step', buildStepModel(view.view, f, view.personal))];
    case 'reminder':
      return [expandCard('teams', 'step', buildReminderModel(view.view, f, view.personal))];
    case 'worksheet':
      return [expandCard('teams', 'worksheet', buildWorksheetModel(view.view, f, view.personal))];
    case 'decision':
      return [expandCard('teams', 'decision', buildDecisionModel(view.view, f, view.personal))];
    case 'choose':
      return [expandCard('teams', 'choose', buildChooseModel(view.locale, view.command, view.options, f))];
    case 'confirm':
      return [expandCard('teams', 'confirm', buildConfirmModel(view.locale, view.collabId, view.title, f))];
    case 'offer':
      return [expandCard('teams', 'offer', view)];
    case 'link':
      return [expandCard('teams', 'link', view)];
    case 'followups':
      return [expandCard('teams', 'followups', buildFollowUpModel(view.view, f))];
    case 'chase':
      // A Teams card has no way to name a channel from its id: the message says where in words.
      return [expandCard('teams', 'chase', buildChaseModel(view.view, f, ''))];
    default:
      throw new Error(`no teams rendering for ${view.kind}`);
  }
}
