import * as z from 'zod/mini';
import { CommandSchema } from '../report/schema';
import { ensureEnglishMessages } from '../zod-messages';

ensureEnglishMessages();

/** One gate of a vault, in the order Key Vault applies them (network first, then authorization). */
export const VerdictCheckSchema = z.enum([
  'nsp',
  'public-network-access',
  'firewall',
  'private-endpoints',
  'permission-model',
  'role-assignment',
  'access-policy',
]);
export type VerdictCheck = z.infer<typeof VerdictCheckSchema>;

export const VerdictStatusSchema = z.enum(['pass', 'fail', 'unknown']);
export type VerdictStatus = z.infer<typeof VerdictStatusSchema>;

/** Whether one gate lets the finding's caller in today, why, and the command that would change it. */
export const VerdictSchema = z.object({
  check: VerdictCheckSchema,
  status: VerdictStatusSchema,
  evidence: z.string().check(z.minLength(1)),
  command: z.optional(CommandSchema),
});
export type Verdict = z.infer<typeof VerdictSchema>;
