/**
 * Where the conversation happens. Texts differ by scope: files reach the bot only in the 1:1
 * chat, and in group chats and channels the bot hears only messages that @mention it.
 */
export type Scope = 'personal' | 'groupChat' | 'channel';

/** Teams' conversationType; anything else (an emulator, a test client) is treated as 1:1. */
export function scopeOf(conversationType: string | undefined): Scope {
  return conversationType === 'groupChat' || conversationType === 'channel' ? conversationType : 'personal';
}

/** How to send a long log from here. */
export function attachHint(scope: Scope): string {
  return scope === 'personal'
    ? 'attach it here as a .log, .txt or .zip file'
    : 'attach it as a .log, .txt or .zip file in a 1:1 chat with me (files sent here do not reach me)';
}
