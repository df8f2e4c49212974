import { value } from '../fixes/quote';
import { findAdmittingRule, hostBitsRuleCovering } from '../network/match-rules';
import { commands } from './commands';
import { type AssessContext, plural, predates } from './context';
import { ownerVerdict } from './firewall-owner';
import type { Verdict } from './verdict';

function approvedEndpoints(ctx: AssessContext): string[] {
  return ctx.model.privateEndpointConnections.filter((c) => c.status.toLowerCase() === 'approved').map((c) => c.name);
}

function who(ctx: AssessContext): string {
  return ctx.ip === undefined ? 'the caller' : ctx.ip;
}

export function publicNetworkCheck(ctx: AssessContext): Verdict {
  const { model } = ctx;
  const pna = model.publicNetworkAccess;
  if (pna === 'Enabled') {
    return {
      check: 'public-network-access',
      status: 'pass',
      evidence: `publicNetworkAccess Enabled: the firewall decides (defaultAction ${model.networkAcls.defaultAction})${predates(ctx, 'connection', 'change')}`,
    };
  }
  if (pna === 'SecuredByPerimeter') {
    return {
      check: 'public-network-access',
      status: 'unknown',
      evidence: 'publicNetworkAccess SecuredByPerimeter: the network security perimeter\'s inbound access rules decide; the firewall and trusted-service bypass do not (see nsp)',
    };
  }
  const approved = approvedEndpoints(ctx);
  const via = approved.length > 0 ? `approved private endpoint connections (${approved.join(', ')})` : 'private endpoints (none approved)';
  const trusted = model.networkAcls.bypass === 'AzureServices' ? ' and trusted Microsoft services' : '';
  // ForbiddenByConnection says the call did not come through an approved private endpoint; a public
  // address cannot have either. A private one may be on an endpoint, which this model cannot see.
  const publicCaller = ctx.ipClass === 'public-ipv4' || ctx.ipClass === 'public-ipv6';
  const refused = ctx.gate === 'connection' || publicCaller;
  const why = refused
    ? `${who(ctx)} ${publicCaller ? 'is a public address' : 'did not come through an approved private endpoint'}`
    : `${who(ctx)} gets in only through one of them`;
  return {
    check: 'public-network-access',
    status: refused ? 'fail' : 'unknown',
    evidence: `publicNetworkAccess Disabled: only ${via}${trusted} reach ${model.name}; ${why}`,
    command: commands.reopenBehindFirewall(model),
  };
}

export function firewallCheck(ctx: AssessContext): Verdict {
  const { model } = ctx;
  const acls = model.networkAcls;
  if (acls.defaultAction === 'Allow') {
    return {
      check: 'firewall',
      status: 'pass',
      evidence: `defaultAction Allow: the firewall admits every address${predates(ctx, 'firewall', 'change')}`,
    };
  }
  const head = `defaultAction Deny, bypass ${acls.bypass}`;
  const rules = plural(acls.ipRules.length, 'rule');
  const ip = value(ctx.ip, 'client-ip');
  if (ctx.ip === undefined) {
    return {
      check: 'firewall',
      status: 'unknown',
      evidence: `${head}, ${acls.ipRules.length} ipRules: the log states no client address to match against them`,
      command: commands.addIpRule(model, ip),
    };
  }
  if (ctx.ipClass === 'public-ipv6' || ctx.ipClass === 'private-ipv6') {
    return { check: 'firewall', status: 'fail', evidence: `${head}, ${ctx.ip} is IPv6: Key Vault's firewall takes IPv4 rules only` };
  }
  if (ctx.ipClass !== undefined && ctx.ipClass !== 'public-ipv4') {
    const subnets = acls.virtualNetworkRules.length;
    return {
      check: 'firewall',
      status: subnets > 0 ? 'unknown' : 'fail',
      evidence: `${head}, ${ctx.ip} is not a public address: no ipRule can admit it; it must come from a subnet in virtualNetworkRules (${subnets}) or through a private endpoint`,
      command: commands.addSubnetRule(model),
    };
  }
  const rule = findAdmittingRule(ctx.ip, acls.ipRules);
  const malformed = rule === undefined ? hostBitsRuleCovering(ctx.ip, acls.ipRules) : undefined;
  if (malformed !== undefined) {
    return {
      check: 'firewall',
      status: 'unknown',
      evidence: `${head}, ${ctx.ip} is inside ipRule ${malformed.rule} only if Key Vault reads it as ${malformed.network}: the rule is malformed (host bits set), and whether Key Vault normalises or ignores such a rule is not documented; rewrite it as ${malformed.network}`,
      command: commands.rewriteIpRule(model, malformed.rule, malformed.network),
    };
  }
  if (rule !== undefined) {
    return {
      check: 'firewall',
      status: 'pass',
      evidence: `${head}, ${ctx.ip} matches ipRule ${rule}: the address is now allowed${predates(ctx, 'firewall', 'rule')}`,
    };
  }
  // An address the log garbled has no owner to look up: the plain rule, as the log spelled it.
  if (ctx.ipClass === undefined) return { check: 'firewall', status: 'fail', evidence: `${head}, ${ctx.ip} matches no ipRule (${rules})`, command: commands.addIpRule(model, ip) };
  const owner = ownerVerdict(ctx, ctx.ip);
  return {
    check: 'firewall',
    status: 'fail',
    evidence: `${head}, ${ctx.ip} matches no ipRule (${rules}); ${owner.clause}`,
    command: owner.command,
  };
}

export function privateEndpointCheck(ctx: AssessContext): Verdict {
  const { model } = ctx;
  const connections = model.privateEndpointConnections;
  const listed = connections.map((c) => `${c.name} (${c.status})`).join(', ');
  const approved = approvedEndpoints(ctx);
  const disabled = model.publicNetworkAccess === 'Disabled';
  // Both hand public callers to the perimeter's access rules, which private endpoint traffic skips.
  const perimeterDecides = model.publicNetworkAccess === 'SecuredByPerimeter' || ctx.perimeter === 'enforced';
  if (approved.length > 0) {
    return {
      check: 'private-endpoints',
      status: 'pass',
      evidence: `${listed}: callers on that network reach ${model.name} when ${model.name}.vault.azure.net resolves to the endpoint's private address (privatelink.vaultcore.azure.net)`,
    };
  }
  const waiting = connections.find((c) => c.status.toLowerCase() === 'pending');
  const endpointCommand = waiting === undefined ? commands.createEndpoint(model) : commands.approveEndpoint(model, waiting.name);
  if (perimeterDecides) {
    const why = model.publicNetworkAccess === 'SecuredByPerimeter' ? 'publicNetworkAccess SecuredByPerimeter' : 'an Enforced network security perimeter';
    return {
      check: 'private-endpoints',
      status: 'unknown',
      evidence: `${connections.length === 0 ? 'no private endpoint connections' : `${listed}: none approved`}; with ${why}, public callers get in only through the perimeter's inbound access rules (see nsp), which private endpoint traffic is not subject to`,
      command: endpointCommand,
    };
  }
  if (!disabled) {
    return {
      check: 'private-endpoints',
      status: 'pass',
      evidence: connections.length === 0 ? 'no private endpoint connections: none needed while public network access is Enabled' : `${listed}: none approved, none needed while public network access is Enabled`,
    };
  }
  return {
    check: 'private-endpoints',
    status: 'fail',
    evidence:
      connections.length === 0
        ? `no private endpoint connections, and public network access is Disabled: no private path to ${model.name}`
        : `${listed}: none approved, and public network access is Disabled`,
    command: endpointCommand,
  };
}
