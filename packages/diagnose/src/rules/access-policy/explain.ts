import { accessPolicyCommands } from '../../fixes/access-policy-grant';
import { describePrincipal, principalOf } from '../../fixes/principal';
import { sh, value } from '../../fixes/quote';
import { roleAssignmentCommands } from '../../fixes/role-assignment';
import { vaultResourceId } from '../../fixes/vault-id';
import { hostAdvice } from '../../platform/host-advice';
import type { Fix } from '../../report/schema';
import type { ExplainInput, Explanation } from '../../rule-kit/rule';
import { NO_POLICY_MESSAGE, OBO_MESSAGE } from './extract';
import { grantFor, roleForGrant } from './grant';

export function explainAccessPolicy({ facts, details, platform }: ExplainInput): Explanation {
  const vault = value(facts.vault, 'vault-name');
  const vaultId = vaultResourceId(facts, details);
  const principal = principalOf(facts);
  const who = describePrincipal(facts);
  const grant = grantFor(details.permission);
  const obo = details.message === OBO_MESSAGE;
  const noPolicy = details.message === NO_POLICY_MESSAGE;
  const entryExists = facts.innerErrorCode === 'ForbiddenByPolicy' && !obo;

  const summary = obo
    ? `Key Vault ${vault.text}'s access policy for ${who} is a compound-identity entry (with an "authorized application"): it only admits that application acting on behalf of a signed-in user, and this call had no user.`
    : noPolicy
      ? `Key Vault ${vault.text} has no access policy at all, so no identity can use its keys, secrets or certificates yet.`
      : details.permission
        ? `The access policies of Key Vault ${vault.text} do not give ${who} the "${details.permission}" permission (the vault uses access policies, not Azure RBAC).`
        : `No access policy of Key Vault ${vault.text} lets ${who} make this call (the vault uses access policies, not Azure RBAC).`;

  const causes: string[] = [];
  if (obo) {
    causes.push(
      'The entry was created with "Authorized application" set: most access policies need no authorized application. A pipeline or service calls as the application alone, so it needs a plain entry for its service principal.',
    );
  }
  if (noPolicy) {
    causes.push('The vault was created by a service principal (or by a template without accessPolicies), so no user or application was given an access policy.');
  }
  if (principal.human) {
    causes.push(
      'The caller is a person signed in with `az login` (app id 04b07795-8ddb-461a-bbee-02f9e1bf7b46 is the Azure CLI itself), not the pipeline\'s service principal.',
    );
  }
  if (entryExists) {
    causes.push(`An access-policy entry for this identity exists but lacks ${details.permission ? `"${details.permission}"` : 'this permission'}.`);
  } else if (!obo && !noPolicy) {
    causes.push(
      `The vault uses access policies and this identity has no entry that grants ${details.permission ? `"${details.permission}"` : 'the operation'}; a pipeline that reads secrets needs Get and List.`,
    );
  }
  causes.push(
    `The entry was added for the app registration's object id instead of the service principal's (the portal shows it as an unknown principal)${facts.objectId ? `; the caller's object id is ${facts.objectId}` : ''}.`,
  );
  causes.push('A Bicep or ARM redeployment of the vault replaced its access policies with the template\'s list, dropping entries added by hand or by other pipelines.');
  causes.push('The application is not using the client id you think it is: compare the appid in the message with the service connection\'s or managed identity\'s.');
  causes.push('Role assignments (Owner, Contributor, even Key Vault Secrets User) have no effect on a vault that uses access policies.');
  causes.push('An entry added moments ago may not apply yet: retry after a short wait.');

  const principalName = principal.assigneeKind === 'app-id' ? principal.assignee.text : principal.objectId.text;
  const kinds = `${grant.kind === 'storage' ? 'storage' : `${grant.kind}s`}`;
  const role = roleForGrant(grant);
  const rg = details.resourceGroup ? ` --resource-group ${sh(value(details.resourceGroup, 'resource-group'))}` : '';
  const fixes: Fix[] = [
    {
      title: `Give ${principalName} ${grant.permissions.join(', ')} on ${kinds} in ${vault.text}`,
      steps: [
        `Azure portal: Key vault ${vault.text} → Access policies → Create → ${kinds} permissions ${grant.permissions.join(', ')} → Principal: the service principal${obo ? ' (leave "Authorized application" empty)' : ''} → Review + create.`,
        'If the principal lookup is forbidden (no Microsoft Graph directory read), use the object id; in PowerShell add -BypassObjectIdValidation.',
        'If the vault is deployed from a template, add the entry there too, or the next deployment removes it.',
      ],
      commands: accessPolicyCommands(vault, vaultId, principal, grant),
    },
    {
      title: `Or move ${vault.text} to Azure RBAC and grant ${role.name}`,
      steps: [
        'Assign roles to every identity that uses the vault first: once RBAC is on, access policies stop applying.',
        'Switching the permission model needs Owner or User Access Administrator (unrestricted Microsoft.Authorization/roleAssignments/write) on the vault.',
      ],
      commands: [
        ...roleAssignmentCommands(role, principal, vaultId, vault).filter((c) => c.tool === 'az'),
        { tool: 'az', text: `az keyvault update --name ${sh(vault)}${rg} --enable-rbac-authorization true` },
      ],
    },
  ];
  // A hosting service calls with its own identity: name it, and grant it first.
  const advice = hostAdvice(platform);
  if (advice) return { summary, causes: [advice.caller, ...causes], fixes: [advice.grant(vault, vaultId, facts), ...fixes] };
  return { summary, causes, fixes };
}
