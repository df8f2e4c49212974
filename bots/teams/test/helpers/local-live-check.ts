import type { LiveChecker, LiveVerdict } from '../../src/conversation/types';

/**
 * A real LiveChecker over vaults held in memory: the same function type the bot gets from
 * @kvdoctor/live-check, so the conversation is tested end to end without Azure.
 */
export interface LocalVault {
  readonly name: string;
  readonly defaultAction: 'Allow' | 'Deny';
  readonly ipRules: readonly string[];
}

export function localLiveChecker(vaults: readonly LocalVault[]): LiveChecker {
  return async ({ vault, facts }) => {
    const found = vaults.find((v) => v.name.toLowerCase() === vault.toLowerCase());
    if (found === undefined) return { ok: false, error: { code: 'not-found', message: `No vault named ${vault} was found in the subscriptions this bot may read.` } };
    const verdicts: LiveVerdict[] = [
      {
        check: 'Firewall default action',
        status: found.defaultAction === 'Allow' ? 'pass' : 'fail',
        evidence: `networkAcls.defaultAction is ${found.defaultAction}.`,
      },
    ];
    if (facts.clientIp !== undefined) {
      const listed = found.ipRules.includes(facts.clientIp);
      verdicts.push({
        check: `IP rule for ${facts.clientIp}`,
        status: listed ? 'pass' : 'fail',
        evidence: listed ? `${facts.clientIp} is in the vault's IP rules.` : `${facts.clientIp} is in none of the vault's ${found.ipRules.length} IP rules.`,
        ...(listed ? {} : { command: `az keyvault network-rule add --name ${found.name} --ip-address ${facts.clientIp}` }),
      });
    }
    return { ok: true, vault: found.name, verdicts };
  };
}
