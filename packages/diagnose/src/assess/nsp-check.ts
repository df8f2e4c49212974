import { value } from '../fixes/quote';
import type { Command } from '../report/schema';
import { commands, idParts } from './commands';
import { type AssessContext, plural, predates } from './context';
import { allPrefixes, matchPerimeterRules } from './perimeter-rules';
import type { Verdict } from './verdict';

/**
 * No association found. Perimeters are listed from the perimeter side, so "none" holds only for the
 * subscriptions searched; and a vault whose public access is SecuredByPerimeter either has a
 * perimeter elsewhere or is locked down (the perimeter transition guide's "not associated" column).
 */
function notAssociated(ctx: AssessContext, searched: readonly string[] | undefined): Verdict {
  const { model } = ctx;
  const where = searched === undefined ? '' : ` in the ${searched.length === 1 ? 'subscription' : 'subscriptions'} searched (${searched.join(', ')})`;
  if (model.publicNetworkAccess === 'SecuredByPerimeter') {
    // SecuredByPerimeter without a perimeter is lockdown: "Only private link traffic will be allowed".
    const lockdown = `SecuredByPerimeter without a perimeter refuses every public caller (only private endpoint traffic gets in)`;
    if (searched === undefined) {
      return {
        check: 'nsp',
        status: 'fail',
        evidence: `publicNetworkAccess SecuredByPerimeter and ${model.name} is not associated with a network security perimeter: ${lockdown}`,
        command: commands.reopenBehindFirewall(model),
      };
    }
    return {
      check: 'nsp',
      status: 'unknown',
      evidence: `publicNetworkAccess SecuredByPerimeter, yet no perimeter${where} holds ${model.name}: either its perimeter is in a subscription that was not read (and that perimeter's access rules decide), or it has none, and ${lockdown}`,
    };
  }
  if (searched !== undefined) {
    return {
      check: 'nsp',
      status: 'unknown',
      evidence: `${model.name} is not associated with a network security perimeter${where}; a perimeter in another subscription is not readable here (not on the allow-list), and one in Enforced mode would override publicNetworkAccess and the firewall`,
    };
  }
  return { check: 'nsp', status: 'pass', evidence: `${model.name} is not associated with a network security perimeter: publicNetworkAccess and the firewall decide` };
}

/**
 * The perimeter's inbound rules hold the caller: in Enforced mode "all traffic except intra-perimeter
 * traffic is denied [...] unless an Allow access rule exists" (perimeter concepts).
 */
function rulesVerdict(ctx: AssessContext, head: string, command: Command | undefined): Verdict {
  const rules = ctx.model.nsp?.accessRules;
  const withCommand = command === undefined ? {} : { command };
  if (rules === undefined) return { check: 'nsp', status: 'unknown', evidence: `${head}; its access rules were not read`, ...withCommand };
  const count = plural(rules.length, 'inbound rule');
  const prefixes = allPrefixes(rules);
  const listed = prefixes.length === 0 ? 'no address prefixes' : `prefixes ${prefixes.join(', ')}`;
  if (rules.length === 0) return { check: 'nsp', status: 'fail', evidence: `${head}; the profile has no inbound access rules, so no public caller gets in`, ...withCommand };
  if (ctx.ip === undefined) {
    return { check: 'nsp', status: 'unknown', evidence: `${head}; the log states no client address to hold against its inbound access rules (${count}: ${listed})`, ...withCommand };
  }
  if (ctx.ipClass !== undefined && ctx.ipClass !== 'public-ipv4' && ctx.ipClass !== 'public-ipv6') {
    return { check: 'nsp', status: 'unknown', evidence: `${head}; ${ctx.ip} is not a public address, so no inbound rule applies to it: it gets in only through a private endpoint, which the perimeter does not filter` };
  }
  const match = matchPerimeterRules(rules, ctx.ip);
  if (match.kind === 'admits') {
    return { check: 'nsp', status: 'pass', evidence: `${head}; access rule ${match.rule} admits it (${match.prefix})${predates(ctx, 'firewall', 'access rule')}` };
  }
  if (match.kind === 'maybe') {
    return {
      check: 'nsp',
      status: 'unknown',
      evidence: `${head}; no inbound access rule holds ${ctx.ip} by address (${count}: ${listed}), but ${match.by.join('; ')}: the log does not show the caller's subscription, service tag or perimeter`,
      ...withCommand,
    };
  }
  return { check: 'nsp', status: 'fail', evidence: `${head}; no inbound access rule admits ${ctx.ip} (${count}: ${listed})`, ...withCommand };
}

/** The vault's network security perimeter, if any; only Enforced mode overrides the firewall. */
export function nspCheck(ctx: AssessContext): Verdict {
  const { nsp } = ctx.model;
  if (nsp === undefined) {
    return { check: 'nsp', status: 'unknown', evidence: 'network security perimeter associations could not be read' };
  }
  if (!nsp.associated) return notAssociated(ctx, nsp.searchedSubscriptions);
  const perimeter = nsp.perimeter === undefined ? 'a perimeter' : `perimeter ${idParts(nsp.perimeter).name ?? nsp.perimeter}`;
  const profile = nsp.profile === undefined ? '' : ` (profile ${nsp.profile})`;
  const ip = value(ctx.ip, 'client-ip');
  const command = nsp.perimeter === undefined ? undefined : commands.perimeterAccessRule(nsp.perimeter, nsp.profile, ip);
  const withCommand = command === undefined ? {} : { command };
  const who = ctx.ip ?? 'the caller';
  if (nsp.mode === undefined) {
    return {
      check: 'nsp',
      status: 'unknown',
      evidence: `associated with ${perimeter}${profile} in an access mode ARM did not name: in Enforced mode its inbound access rules decide for ${who}, in Transition mode publicNetworkAccess does`,
      ...withCommand,
    };
  }
  // The transition guide's table: SecuredByPerimeter hands inbound traffic to the perimeter's rules in Transition mode too.
  if (nsp.mode !== 'Enforced' && ctx.model.publicNetworkAccess === 'SecuredByPerimeter') {
    const head = `associated with ${perimeter}${profile} in ${nsp.mode} (Transition) mode with publicNetworkAccess SecuredByPerimeter: the perimeter's inbound access rules decide for ${who} (private endpoint traffic is exempt)`;
    return rulesVerdict(ctx, head, command);
  }
  if (nsp.mode !== 'Enforced') {
    return {
      check: 'nsp',
      status: 'pass',
      evidence: `associated with ${perimeter}${profile} in ${nsp.mode} mode: publicNetworkAccess and the firewall still decide`,
    };
  }
  const head = `associated with ${perimeter}${profile} in Enforced mode: the perimeter's inbound access rules decide for ${who} (publicNetworkAccess and the firewall do not; private endpoint traffic is exempt)`;
  return rulesVerdict(ctx, head, command);
}
