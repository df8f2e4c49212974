import { z } from 'zod';

/** The request body once read as JSON, or the fact that it is not JSON (what it held is never kept). */
export type Json = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

export function parseJson(text: string): Json {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const ChannelSchema = z.object({ channelId: z.string().min(1) });

/**
 * The channel a token is checked for (Bot Framework signing keys are endorsed per channel). A body
 * that names none is checked as Teams', the only channel this bot serves: it is refused either way,
 * and this only decides whether the answer is 401 or 400.
 */
export function channelOf(json: Json): string {
  const named = json.ok ? ChannelSchema.safeParse(json.value) : undefined;
  return named?.success === true ? named.data.channelId : 'msteams';
}
