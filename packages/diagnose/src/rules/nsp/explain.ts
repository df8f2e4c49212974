import type { ExplainInput, Explanation } from '../../rule-kit/rule';
import type { Fix } from '../../report/schema';
import { az } from '../../fixes/az';
import { allowIpFix } from '../../fixes/ip-rule';
import { ps, sh, value, type Value } from '../../fixes/quote';
import { temporaryIpRuleFix } from '../../fixes/temporary-ip-rule';
import { trustedServicesFix } from '../../fixes/trusted-services';
import { vaultResourceId } from '../../fixes/vault-id';

const HOSTED = new Set(['microsoft-hosted', 'github-hosted', 'gitlab-hosted']);
const PERIMETER = '--perimeter-name <perimeter-name> --resource-group <perimeter-resource-group>';

function locateFix(vault: Value, enforced: boolean): Pick<Fix, 'title' | 'steps'> {
  if (enforced) {
    return {
      title: `Find the perimeter and profile that govern ${vault.text}`,
      steps: [`Azure portal: Key vault ${vault.text} → Settings → Networking shows the perimeter association, its profile and its access mode (Enforced).`],
    };
  }
  return {
    title: `Find out whether a network security perimeter governs ${vault.text}`,
    steps: [
      `Azure portal: Key vault ${vault.text} → Settings → Networking shows a perimeter association and its access mode. publicNetworkAccess "SecuredByPerimeter" means the perimeter decides alone.`,
      'With no association (or Learning mode) the vault\'s own firewall decides: the IP-rule fix above is the whole answer.',
    ],
  };
}

function perimeterFixes(vault: Value, vaultId: Value, ip: Value, enforced: boolean): Fix[] {
  const prefix: Value = { known: ip.known, text: `${ip.text}/32` };
  return [
    {
      ...locateFix(vault, enforced),
      commands: [
        { tool: 'az', text: az.showNetwork(vault) },
        { tool: 'az', text: `az network perimeter association list ${PERIMETER}` },
      ],
    },
    {
      title: 'If the association is Enforced: add an inbound access rule to the perimeter profile',
      steps: [
        'In Enforced mode the profile\'s inbound access rules replace the vault\'s public-access settings; trusted services get no exemption.',
        'Azure portal: Network security perimeter → Profiles → the vault\'s profile → Inbound access rules → Add (IP address prefix or subscription).',
      ],
      commands: [
        {
          tool: 'az',
          text: `az network perimeter profile access-rule create --name <rule-name> --profile-name <profile-name> ${PERIMETER} --address-prefixes ${sh({ known: prefix.known, text: `[${prefix.text}]` })}`,
        },
        {
          tool: 'powershell',
          text: `New-AzNetworkSecurityPerimeterAccessRule -Name <rule-name> -ProfileName <profile-name> -ResourceGroupName <perimeter-resource-group> -SecurityPerimeterName <perimeter-name> -AddressPrefix ${ps(prefix)} -Direction Inbound`,
        },
      ],
    },
    {
      title: 'Or switch the association to Learning mode while you diagnose',
      steps: ['In Learning mode the vault\'s publicNetworkAccess and firewall govern again, and the perimeter logs what Enforced mode would deny. Switch back once the access rules are complete.'],
      commands: [
        {
          tool: 'az',
          text: `az network perimeter association create --name <association-name> ${PERIMETER} --access-mode Learning --private-link-resource ${sh({ known: vaultId.known, text: `{id:${vaultId.text}}` })} --profile "{id:<profile-resource-id>}"`,
        },
      ],
    },
  ];
}

export function explainNsp({ facts, details, platform }: ExplainInput): Explanation {
  const vault = value(facts.vault, 'vault-name');
  const ip = value(facts.clientIp, 'client-ip');
  const cls = facts.clientIpClass;
  const publicV4 = cls === undefined || cls === 'public-ipv4';
  const hosted = HOSTED.has(platform.agent);
  const who = facts.clientIp ? `client address ${facts.clientIp}` : 'the client address';
  // ForbiddenByNsp is the perimeter's own answer, given only in Enforced mode: the vault's firewall
  // and publicNetworkAccess did not take part, so its IP rules are no fix here.
  const enforced = facts.errorCode === 'ForbiddenByNsp';

  const summary = enforced
    ? `Key Vault ${vault.text} is in a network security perimeter in Enforced mode, and the perimeter refused the request ("forbidden by NSP policy"): no inbound access rule of the vault's perimeter profile admits ${who} or its subscription.`
    : `Key Vault ${vault.text} refused ${who} at its network gate ("not allowed by NSP rules"): the address matches no firewall rule of the vault, or no inbound access rule of an enforced network security perimeter, and trusted-service bypass is off (bypass None).`;

  const causes: string[] = [];
  if (details.via === 'variable-group') {
    causes.push('The Azure DevOps service itself read the vault to link a variable group; it calls from its geography\'s published inbound ranges, not from your agent.');
  }
  if (enforced) {
    causes.push(
      'In Enforced mode the perimeter profile\'s inbound access rules (address prefixes, subscriptions) replace the vault\'s publicNetworkAccess and firewall settings; trusted services get no exemption. The caller matched none of them.',
      'Callers inside the perimeter (resources associated with the same perimeter) and private endpoint traffic are admitted; this request came from outside over the public endpoint.',
    );
  } else {
    causes.push(
      'Most often this is the vault\'s own firewall with "Allow trusted Microsoft services to bypass this firewall" unticked: the client address is not in its IP rules. Microsoft\'s pipeline troubleshooting resolves this exact message by adding the client IP to the vault firewall; the words "NSP rules" do not by themselves prove a perimeter is associated.',
      'If the vault is associated with a network security perimeter in Enforced mode (publicNetworkAccess SecuredByPerimeter), the perimeter profile\'s inbound access rules replace the vault\'s own settings, and this address or subscription is in none of them.',
    );
  }
  if (hosted) {
    causes.push('The job ran on a hosted agent: its public address changes from run to run, so a rule for one address will not hold.');
  }
  if (!enforced) causes.push('Private endpoint traffic is exempt from both the firewall and perimeter rules: this request came over the public endpoint.');

  const fixes: Fix[] = [];
  if (publicV4 && !enforced) fixes.push(allowIpFix(vault, ip, undefined));
  fixes.push(...perimeterFixes(vault, vaultResourceId(facts, {}), ip, enforced));
  if (enforced) return { summary, causes, fixes };
  if (hosted || platform.agent === 'unknown') fixes.push(temporaryIpRuleFix(vault, platform));
  fixes.push(
    trustedServicesFix(vault, undefined, 'Azure DevOps, GitHub and GitLab runners are not trusted services, and under SecuredByPerimeter trusted services are not exempt either.'),
  );
  return { summary, causes, fixes };
}
