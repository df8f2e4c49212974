import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { personalMessage, type Where } from './activities';
import { cardOf, executeActions } from './cards';
import { EXAMPLE_LOG } from './example-log';
import { harness } from './harness';

/** The data of the "Check live config" button on the card a fresh bot gives for the example log. */
export async function buttonData(where: Where): Promise<unknown> {
  const replies = await harness().send(personalMessage(EXAMPLE_LOG, where));
  const [check] = executeActions(cardOf(replies[0]));
  return check?.data;
}

// Loose: assertions on the whole response must still see every field the bot sent.
const InvokeResponseSchema = z.looseObject({
  status: z.number(),
  body: z.looseObject({ statusCode: z.number(), type: z.string(), value: z.unknown() }),
});

/** The answer to an `adaptiveCard/action` invoke among the activities a turn sent. */
export function invokeResponse(replies: readonly Partial<Activity>[]): z.infer<typeof InvokeResponseSchema> {
  const response = replies.find((r) => r.type === 'invokeResponse');
  if (response === undefined) throw new Error('no invoke response');
  return InvokeResponseSchema.parse(response.value);
}
