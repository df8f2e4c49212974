import type { Platform } from '../../report/schema';

/**
 * Specifics of an Entra error that have no Facts field (assertion issuer and subject, directory
 * name, validity window …). They travel in `details.message` as "key: value; key: value" so the
 * report stays inside the fixed schema and `explain` can read them back.
 */
const HINT_KEYS = [
  'issuer',
  'subject',
  'audience',
  'expected subject',
  'directory',
  'app name',
  'authority',
  'thumbprint',
  'current time',
  'valid from',
  'expires',
  'inner',
  'id-token',
] as const;
export type HintKey = (typeof HINT_KEYS)[number];
export type Hints = Partial<Record<HintKey, string>>;

const SEPARATOR = '; ';

export function formatHints(hints: Hints): string | undefined {
  const parts = HINT_KEYS.flatMap((k) => {
    const v = hints[k];
    return v === undefined ? [] : [`${k}: ${v.replace(/;/g, ',')}`];
  });
  return parts.length === 0 ? undefined : parts.join(SEPARATOR);
}

export function parseHints(message: string | undefined): Hints {
  const out: Hints = {};
  if (message === undefined) return out;
  for (const part of message.split(SEPARATOR)) {
    const key = HINT_KEYS.find((k) => part.startsWith(`${k}: `));
    if (key !== undefined) out[key] = part.slice(key.length + 2);
  }
  return out;
}

/** The CI that issued the federated token, read from the token itself when the log had no banner. */
export function ciOf(platform: Platform, hints: Hints): Platform['ci'] {
  if (platform.ci !== 'unknown') return platform.ci;
  const issuer = hints.issuer ?? '';
  const subject = hints.subject ?? '';
  if (hints['id-token'] !== undefined || issuer.includes('token.actions.githubusercontent.com') || subject.startsWith('repo:')) return 'github-actions';
  if (issuer.includes('vstoken.visualstudio.com') || subject.startsWith('sc://')) return 'azure-devops';
  if (subject.startsWith('project_path:')) return 'gitlab';
  return 'unknown';
}
