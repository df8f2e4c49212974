import { rules, type Details, type Facts, type Finding, type VerdictCheck } from '@kvdoctor/diagnose';
import type { LiveCheckResult } from '@kvdoctor/live-check';
import type { LiveCheckOutcome } from './conversation/types';

/**
 * Between the card button and @kvdoctor/live-check: the button carries the finding's family,
 * facts and details, from which the finding the live check assesses is rebuilt (any instance can
 * do it, no state kept); the result becomes the verdicts the card shows.
 */
const GENERIC = 'live-config';

export function findingFor(family: string | undefined, facts: Facts, details: Details): Finding {
  const rule = rules.find((r) => r.meta.id === family);
  const platform = { ci: 'unknown', agent: 'unknown' } as const;
  const explained = rule?.explain({ facts, details, platform });
  const vault = facts.vault ?? 'the vault';
  return {
    rule: rule?.meta.id ?? GENERIC,
    title: rule?.meta.title ?? `Live configuration of ${vault}`,
    summary: explained?.summary ?? `What ${vault} is configured to allow today.`,
    severity: rule?.meta.severity ?? 'info',
    confidence: 'medium',
    count: 1,
    facts,
    details,
    // The log stays in the chat it was pasted into; the button carries no log text.
    evidence: [{ line: 1, text: 'from a kvdoctor card' }],
    causes: explained !== undefined && explained.causes.length > 0 ? [...explained.causes] : ['not from a log'],
    fixes: explained !== undefined && explained.fixes.length > 0 ? [...explained.fixes] : [{ title: 'See the verdicts', steps: [], commands: [] }],
    docs: rule !== undefined && rule.meta.docs.length > 0 ? [...rule.meta.docs] : [{ title: 'Key Vault network security', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/network-security' }],
  };
}

const CHECK_LABEL: Record<VerdictCheck, string> = {
  nsp: 'Network security perimeter',
  'public-network-access': 'Public network access',
  firewall: 'Firewall (IP and virtual-network rules)',
  'private-endpoints': 'Private endpoints',
  'permission-model': 'Permission model',
  'role-assignment': 'Role assignment',
  'access-policy': 'Access policy',
};

const READ_LABEL = { 'private-endpoints': 'private endpoints', 'role-assignments': 'role assignments', 'role-definitions': 'role definitions', 'deny-assignments': 'deny assignments', nsp: 'network security perimeter', 'nsp-access-rules': "network security perimeter's access rules" } as const;

export const NO_CREDENTIALS =
  'Live checks are not set up on this bot: it has no Azure identity to read vaults with. Its admin must give the bot\'s host a managed identity with Reader on the vault (and set AZURE_CLIENT_ID for a user-assigned one), or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET.';

export function toOutcome(vault: string, result: LiveCheckResult): LiveCheckOutcome {
  const { outcome } = result;
  if (outcome.kind === 'ok') {
    return {
      ok: true,
      vault,
      verdicts: result.verdicts.map((v) => ({ check: CHECK_LABEL[v.check], status: v.status, evidence: v.evidence, ...(v.command === undefined ? {} : { command: v.command.text }) })),
      notes: outcome.incomplete.map((i) => `Could not read the ${READ_LABEL[i.read]}: ${i.failure.message}`),
    };
  }
  switch (outcome.kind) {
    case 'forbidden':
      return { ok: false, error: { code: 'forbidden', message: `The bot may not read ${vault}: ${outcome.message}. Its admin must give the bot's identity ${outcome.needs}.` } };
    case 'no-credentials':
      // The credential chain's own text (AggregateAuthenticationError: ChainedTokenCredential…)
      // means nothing to the person who clicked; say what the bot's admin must set instead.
      return { ok: false, error: { code: 'no-credentials', message: NO_CREDENTIALS } };
    case 'not-allowed':
      return { ok: false, error: { code: 'not-allowed', message: `Live check of ${vault}: ${outcome.message}. The bot's admin decides which tenants and subscriptions it may read (KVDOCTOR_ALLOWED_TENANTS, KVDOCTOR_LIVE_CHECK_SUBSCRIPTIONS).` } };
    case 'not-found':
    case 'throttled':
      return { ok: false, error: { code: outcome.kind, message: `Live check of ${vault}: ${outcome.message}.` } };
    case 'timeout':
      return { ok: false, error: { code: 'timeout', message: `Live check of ${vault}: ${outcome.message}; Azure may be slow, try again.` } };
    case 'network-error':
    case 'not-supported':
      return { ok: false, error: { code: 'failed', message: `Live check of ${vault}: ${outcome.message}.` } };
  }
}
