import type { Scope } from './scope';

/**
 * Greetings and thanks get one line back, not a card: "thanks, that fixed it!" is not a log.
 * Only a short single line is considered, so a pasted log that says "thanks" is still diagnosed.
 */
export type SmallTalk = 'greeting' | 'thanks';

const MAX_SMALL_TALK = 80;
const GREETING = /^(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening)|yo)\b[\s!.,]*(?:kvdoctor|there|all|team)?[\s!.]*$/i;
const THANKS = /\b(?:thanks|thank you|thx|ty|cheers|much appreciated)\b/i;

export function smallTalk(text: string): SmallTalk | undefined {
  const line = text.trim();
  if (line.length > MAX_SMALL_TALK || line.includes('\n')) return undefined;
  if (GREETING.test(line)) return 'greeting';
  if (THANKS.test(line)) return 'thanks';
  return undefined;
}

export function smallTalkReply(kind: SmallTalk, scope: Scope): string {
  if (kind === 'thanks') return 'Glad it helped. Paste the next refusal any time.';
  return scope === 'personal'
    ? 'Hi! Paste a failed run\'s log and I\'ll tell you why Key Vault refused it (or send "help").'
    : 'Hi! @mention me with a failed run\'s log and I\'ll tell you why Key Vault refused it (or send "help").';
}
