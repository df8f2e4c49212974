import { parseCardAction } from '../actions';
import type { AdaptiveCard } from '../cards/adaptive';
import { verdictCard } from '../cards/verdict-card';
import { familyTitle, LIVE_CHECK_OFF_NOTE, runLiveCheck } from './live';
import { refusal, tenantAllowed } from './tenants';
import type { ConversationDeps } from './types';

/**
 * What an `Action.Execute` click gets back. The clicked card is never replaced: the diagnosis is
 * what the chat came for, so a verdict arrives as a new card under it, and a click that cannot
 * run answers with a short note that Teams shows beside the button.
 */
export type CardActionResult =
  | { readonly kind: 'reply'; readonly card: AdaptiveCard; readonly summary: string; readonly note: string }
  | { readonly kind: 'note'; readonly message: string }
  | { readonly kind: 'error'; readonly code: 'malformed-action'; readonly message: string };

/** "Check live config": everything needed is in the button's data, so no state is read. */
export async function onCardAction(value: unknown, tenantId: string | undefined, deps: ConversationDeps, now: () => Date): Promise<CardActionResult> {
  const parsed = parseCardAction(value);
  if (!parsed.ok) {
    // An invoke without an action is not from one of our cards; a verb or data we no longer
    // read is a button on an older card, which deserves a word rather than an error.
    if (parsed.error.code === 'malformed-action' && parsed.error.stale !== true) return { kind: 'error', code: 'malformed-action', message: parsed.error.message };
    return { kind: 'note', message: parsed.error.message };
  }
  const { data } = parsed;
  if (!tenantAllowed(tenantId, deps.allowedTenants)) return { kind: 'note', message: refusal(tenantId) };
  if (deps.liveCheck === undefined) return { kind: 'note', message: LIVE_CHECK_OFF_NOTE };
  const outcome = await runLiveCheck(deps.liveCheck, data, deps.limits.liveCheckTimeoutMs);
  return {
    kind: 'reply',
    card: verdictCard(data, familyTitle(data.family), outcome, now()),
    summary: `Live check of ${data.vault}`,
    note: `Live check of ${data.vault}: the result is posted below the diagnosis.`,
  };
}
