import { rules } from '@kvdoctor/diagnose';
import type { CheckData } from '../actions';
import type { LiveChecker, LiveCheckOutcome } from './types';

/**
 * Runs a live check inside a deadline. The answer must reach Teams within its turn limit, so the
 * deadline wins even over a checker that ignores its abort signal; a checker that throws is
 * answered as a failure, never a crash.
 */
export async function runLiveCheck(check: LiveChecker, data: CheckData, timeoutMs: number): Promise<LiveCheckOutcome> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<LiveCheckOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ ok: false, error: { code: 'timeout', message: `The live check took longer than ${Math.round(timeoutMs / 100) / 10} s and was stopped; Azure may be slow, try again.` } });
    }, timeoutMs);
  });
  try {
    return await Promise.race([check({ vault: data.vault, family: data.family, facts: data.facts, details: data.details, signal: controller.signal }), deadline]);
  } catch {
    return { ok: false, error: { code: 'failed', message: 'The live check failed unexpectedly; try again, and tell the bot\'s owners if it keeps failing.' } };
  } finally {
    clearTimeout(timer);
  }
}

export function familyTitle(family: string | undefined): string | undefined {
  return family === undefined ? undefined : rules.find((r) => r.meta.id === family)?.meta.title;
}

/** For `check <vault>`, typed: there is no card whose fixes could still apply. */
export const LIVE_CHECK_OFF =
  'Live checks are off for this bot: no Azure subscription is configured for them (its admin sets KVDOCTOR_LIVE_CHECK_SUBSCRIPTIONS).';

/** For a card's button clicked while live checks are off (a card from before they were turned off). */
export const LIVE_CHECK_OFF_NOTE = 'Live checks are off for this bot now, so nothing was read; the fixes on the card still apply.';
