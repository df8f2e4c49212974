import { value } from '../fixes/quote';
import { commands, idParts } from './commands';
import type { AssessContext } from './context';
import type { Verdict } from './verdict';

/**
 * No association found. Perimeters are listed from the perimeter side, so "none" holds only for the
 * subscriptions searched; and a vault whose public access is SecuredByPerimeter has a perimeter
 * somewhere, whatever the search found.
 */
function notAssociated(ctx: AssessContext, searched: readonly string[] | undefined): Verdict {
  const { model } = ctx;
  const where = searched === undefined ? '' : ` in the ${searched.length === 1 ? 'subscription' : 'subscriptions'} searched (${searched.join(', ')})`;
  if (model.publicNetworkAccess === 'SecuredByPerimeter') {
    return {
      check: 'nsp',
      status: 'unknown',
      evidence: `publicNetworkAccess SecuredByPerimeter, yet no perimeter${where} holds ${model.name}: the two contradict each other; the perimeter is most likely in a subscription that was not read, and its access rules decide`,
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

/** The vault's network security perimeter, if any; only Enforced mode overrides the firewall. */
export function nspCheck(ctx: AssessContext): Verdict {
  const { nsp } = ctx.model;
  if (nsp === undefined) {
    return { check: 'nsp', status: 'unknown', evidence: 'network security perimeter associations could not be read' };
  }
  if (!nsp.associated) return notAssociated(ctx, nsp.searchedSubscriptions);
  const perimeter = nsp.perimeter === undefined ? 'a perimeter' : `perimeter ${idParts(nsp.perimeter).name ?? nsp.perimeter}`;
  const profile = nsp.profile === undefined ? '' : ` (profile ${nsp.profile})`;
  const mode = nsp.mode ?? 'an unknown mode';
  if (nsp.mode !== 'Enforced') {
    return {
      check: 'nsp',
      status: 'pass',
      evidence: `associated with ${perimeter}${profile} in ${mode} mode: publicNetworkAccess and the firewall still decide`,
    };
  }
  const ip = value(ctx.ip, 'client-ip');
  const command = nsp.perimeter === undefined ? undefined : commands.perimeterAccessRule(nsp.perimeter, nsp.profile, ip);
  return {
    check: 'nsp',
    status: 'unknown',
    evidence: `associated with ${perimeter}${profile} in Enforced mode: the perimeter's inbound access rules decide for ${ctx.ip ?? 'the caller'} (publicNetworkAccess and the firewall do not; private endpoint traffic is exempt); its access rules were not read`,
    ...(command === undefined ? {} : { command }),
  };
}
