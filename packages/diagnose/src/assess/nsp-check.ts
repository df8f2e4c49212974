import { value } from '../fixes/quote';
import { commands, idParts } from './commands';
import type { AssessContext } from './context';
import type { Verdict } from './verdict';

/** The vault's network security perimeter, if any; only Enforced mode overrides the firewall. */
export function nspCheck(ctx: AssessContext): Verdict {
  const { nsp } = ctx.model;
  if (nsp === undefined) {
    return { check: 'nsp', status: 'unknown', evidence: 'network security perimeter associations could not be read' };
  }
  if (!nsp.associated) {
    return { check: 'nsp', status: 'pass', evidence: `${ctx.model.name} is not associated with a network security perimeter: publicNetworkAccess and the firewall decide` };
  }
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
