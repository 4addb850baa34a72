import { z } from 'zod';

/** The fields of Slack payloads that the handlers use, validated at the edge. */
const id = z.string().min(1).max(64);

export const SlashCommandSchema = z.object({
  command: z.string().max(64),
  text: z.string().max(4000),
  user_id: id,
  user_name: z.string().max(256).optional(),
  team_id: id,
  channel_id: id,
});

export const BlockActionSchema = z.object({
  user: z.object({ id, name: z.string().max(256).optional(), username: z.string().max(256).optional(), team_id: id.optional() }),
  team: z.object({ id }).nullable().optional(),
  channel: z.object({ id }).optional(),
  container: z.object({ channel_id: id.optional(), message_ts: z.string().max(32).optional() }).optional(),
  trigger_id: z.string().max(256).optional(),
});

/** A press on the app's Home tab (it carries the published view instead of a message). */
export const HomeViewSchema = z.object({ view: z.object({ type: z.literal('home') }) });

export const ButtonActionSchema = z.object({
  action_id: z.string().max(255),
  value: z.string().max(2000).optional(),
  selected_option: z.object({ value: z.string().max(2000) }).optional(),
});

export const AppMentionSchema = z.object({
  user: id,
  text: z.string().max(40_000),
  ts: z.string().max(32),
  channel: id,
  thread_ts: z.string().max(32).optional(),
});
