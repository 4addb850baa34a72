import { z } from 'zod';

/** The submitted state of a modal: block id -> the `value` element's state. */
export const ViewStateSchema = z.record(
  z.string(),
  z.object({
    value: z
      .object({
        value: z.string().nullable().optional(),
        selected_option: z.object({ value: z.string() }).nullable().optional(),
        selected_user: z.string().nullable().optional(),
        selected_date: z.string().max(10).nullable().optional(),
        selected_users: z.array(z.string()).optional(),
        selected_options: z.array(z.object({ value: z.string() })).optional(),
      })
      .optional(),
  }),
);
export type ViewState = z.infer<typeof ViewStateSchema>;
