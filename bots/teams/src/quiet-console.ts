import type { Logger } from './logger';

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/**
 * botbuilder prints to the console when a token fails: the public key it tried ("Available keys:
 * -----BEGIN …") or the whole jsonwebtoken error. Every log line of this bot is content-free JSON
 * (logger.ts), so the library's console output becomes one event naming the method, never its
 * text. Nothing in this bot writes to the console itself. Returns the undo, for tests.
 */
export function quietConsole(logger: Logger): () => void {
  const originals = METHODS.map((method) => [method, console[method]] as const);
  for (const method of METHODS) {
    console[method] = () => logger.info('library.console', { method });
  }
  return () => {
    for (const [method, original] of originals) console[method] = original;
  };
}
