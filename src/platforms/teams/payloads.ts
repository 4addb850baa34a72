import { z } from 'zod';
import { PollIdSchema, TemperatureSchema } from '../../domain/poll.js';

/** The data our Action.Execute buttons send back, validated before anything is done with it. */
export const VoteDataSchema = z.object({ pollId: PollIdSchema, choice: TemperatureSchema });
export const CloseDataSchema = z.object({ pollId: PollIdSchema });

export const CardActionSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().max(64),
    data: z.record(z.string(), z.unknown()).optional().default({}),
  }),
});

/** The activity fields the handler reads (the tenant is decided by identity.ts). */
export const ActivitySchema = z.object({
  from: z.object({ id: z.string().min(1).max(256), name: z.string().max(256).optional(), aadObjectId: z.string().max(64).optional() }),
  conversation: z.object({ id: z.string().min(1).max(512), conversationType: z.string().max(32).optional() }),
  locale: z.string().max(32).optional(),
  /** The sender's IANA zone (Teams sends it on message activities): where their 9:00 nudges come. */
  localTimezone: z.string().max(64).optional(),
});
export type ActivityFields = z.infer<typeof ActivitySchema>;
