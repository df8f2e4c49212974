import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Env } from '../io';

/** Where `kvdoctor ranges import` writes and `diagnose` reads: $XDG_CACHE_HOME/kvdoctor, else ~/.cache/kvdoctor. */
export function serviceTagCachePath(env: Env): string {
  // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
  const xdg = env.XDG_CACHE_HOME !== undefined && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined;
  const base = xdg ?? join(env.HOME !== undefined && env.HOME !== '' ? env.HOME : homedir(), '.cache');
  return join(base, 'kvdoctor', 'service-tags.json');
}
