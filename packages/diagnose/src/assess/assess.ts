import type { Finding } from '../report/schema';
import { type AssessOptions, assessContext } from './context';
import type { VaultAccessModel } from './model';
import { firewallCheck, privateEndpointCheck, publicNetworkCheck } from './network-checks';
import { nspCheck } from './nsp-check';
import { permissionModelCheck } from './permission-check';
import { policyCheck } from './policy-check';
import { roleCheck } from './role-check';
import type { Verdict } from './verdict';

/**
 * Holds a finding against what the vault is configured to do today: one verdict per gate that is
 * consulted, in Key Vault's order. A gate that is not consulted (the firewall while public access is
 * Disabled or an Enforced perimeter decides; access policies in RBAC mode) gets no verdict: the
 * verdict of the gate that decides says so. `options.serviceTags` lets the firewall verdict name a
 * hosted agent's region and count its prefixes.
 */
export function assess(finding: Finding, model: VaultAccessModel, options: AssessOptions = {}): Verdict[] {
  const ctx = assessContext(finding, model, options);
  const verdicts: Verdict[] = [nspCheck(ctx)];
  const enforcedPerimeter = model.nsp?.associated === true && model.nsp.mode === 'Enforced';
  if (!enforcedPerimeter) {
    verdicts.push(publicNetworkCheck(ctx));
    if (model.publicNetworkAccess === 'Enabled') verdicts.push(firewallCheck(ctx));
  }
  verdicts.push(privateEndpointCheck(ctx), permissionModelCheck(ctx));
  verdicts.push(model.enableRbacAuthorization ? roleCheck(ctx) : policyCheck(ctx));
  return verdicts;
}
