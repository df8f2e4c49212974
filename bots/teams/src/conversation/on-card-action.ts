import { parseCardAction } from '../actions';
import type { AdaptiveCard } from '../cards/adaptive';
import { cannotCheckCard, verdictCard } from '../cards/verdict-card';
import { familyTitle, LIVE_CHECK_OFF, runLiveCheck } from './live';
import { refusal, tenantAllowed } from './tenants';
import type { ConversationDeps } from './types';

/** What an `Action.Execute` click gets back: a card that replaces the clicked one, or an error. */
export type CardActionResult =
  | { readonly kind: 'card'; readonly card: AdaptiveCard }
  | { readonly kind: 'error'; readonly code: 'malformed-action' | 'unknown-verb'; readonly message: string };

/** "Check live config": everything needed is in the button's data, so no state is read. */
export async function onCardAction(value: unknown, tenantId: string | undefined, deps: ConversationDeps, now: () => Date): Promise<CardActionResult> {
  const parsed = parseCardAction(value);
  if (!parsed.ok) return { kind: 'error', code: parsed.error.code, message: parsed.error.message };
  const { data } = parsed;
  if (!tenantAllowed(tenantId, deps.allowedTenants)) return { kind: 'card', card: cannotCheckCard(data, refusal(tenantId)) };
  if (deps.liveCheck === undefined) return { kind: 'card', card: cannotCheckCard(data, LIVE_CHECK_OFF) };
  const outcome = await runLiveCheck(deps.liveCheck, data, deps.limits.liveCheckTimeoutMs);
  return { kind: 'card', card: verdictCard(data, familyTitle(data.family), outcome, now()) };
}
