import { az } from '../../fixes/az';
import { describePrincipal, principalOf } from '../../fixes/principal';
import { ps, value } from '../../fixes/quote';
import { roleAssignmentCommands } from '../../fixes/role-assignment';
import { vaultResourceId } from '../../fixes/vault-id';
import type { Fix } from '../../report/schema';
import type { ExplainInput, Explanation } from '../../rule-kit/rule';
import { hostAdvice } from '../../platform/host-advice';
import { isArmProxy, isAzureService, roleForAction } from './role-for-action';

const READS_SECRETS = /\/secrets\/(?:getSecret|readMetadata)\/action$/i;

// What Azure's authorization decision reasons mean, in the words a reader needs.
const REASONS: Readonly<Record<string, string>> = {
  DeniedWithNoValidRBAC: 'no role assignment grants the action',
  DeniedWithABACEvaluationInRA: 'a role assignment exists but its condition did not allow this request',
  DeniedWithMissingAttributesInRA: 'a role assignment condition needed attributes the request did not carry',
  DeniedByDenyAssignment: 'a deny assignment blocks the action',
};

function reasonText(reason: string | undefined): string {
  if (reason === undefined) return '';
  const meaning = REASONS[reason];
  return meaning ? ` (DecisionReason ${reason}: ${meaning})` : ` (DecisionReason ${reason})`;
}

export function explainRbac({ facts, details, platform }: ExplainInput): Explanation {
  const vault = value(facts.vault, 'vault-name');
  const scope = vaultResourceId(facts, details);
  const principal = principalOf(facts);
  const role = roleForAction(facts.action, details.callerName);
  const who = describePrincipal(facts);
  const action = facts.action ?? 'the requested data action';
  const denied = details.denyAssignmentId !== undefined;

  const summary = denied
    ? `Azure RBAC on Key Vault ${vault.text} refused ${who} ${action}: deny assignment ${details.denyAssignmentId} blocks it, whatever roles are assigned.`
    : `Azure RBAC on Key Vault ${vault.text} refused ${who} ${action}: no role assignment on the vault, its resource group or subscription grants it; ${
        facts.action ? `${role.name} is the smallest built-in role that does` : `to read secrets, ${role.name} is the smallest built-in role`
      }.`;

  const causes: string[] = [];
  if (denied) {
    causes.push(
      `A deny assignment (DenyAssignmentId ${details.denyAssignmentId}) covers this action; deny assignments win over every role assignment and are created by managed applications, deployment stacks or Azure Blueprints, so the fix is on that owner's side.`,
    );
  }
  if (principal.human) {
    causes.push(
      'The caller is a person signed in with `az login` (app id 04b07795-8ddb-461a-bbee-02f9e1bf7b46 is the Azure CLI itself), not the pipeline\'s service principal: the step reused a cached user login, or this is a local run.',
    );
  }
  if (isArmProxy(details.callerName)) {
    causes.push(
      'The request went through Azure Resource Manager (Pulumi, an ARM/Bicep deployment or `az resource`): the ARM proxy checks Azure RBAC data actions even on a vault that uses access policies, so an access-policy entry does not help; assign the role.',
    );
  } else if (isAzureService(details.callerName)) {
    causes.push(
      `The caller is the managed identity of an Azure service (${details.callerName}) using a customer-managed key: it needs ${role.name} on the key or the vault.`,
    );
  }
  const reason = reasonText(details.decisionReason);
  causes.push(
    `The identity has no data-plane role for ${action}${reason}. Owner, Contributor and Key Vault Contributor are control-plane roles and grant no data actions; ${role.name} is the smallest built-in role that allows it.`,
  );
  if (facts.action === undefined || READS_SECRETS.test(facts.action)) {
    causes.push('Key Vault Reader reads metadata only: it cannot read a secret\'s value.');
  }
  causes.push(
    'The vault uses the Azure RBAC permission model (enableRbacAuthorization true): access policies are ignored, so an access-policy entry added for this identity has no effect.',
  );
  causes.push(
    `The role was assigned to a different object: the app registration's object id instead of the service principal's${facts.objectId ? ` (the caller's object id is ${facts.objectId})` : ''}, or on another vault or subscription.`,
  );
  causes.push('The assignment is recent: role assignments take up to 10 minutes to reach Key Vault (a second Terraform run then succeeds).');
  causes.push('Access is granted through a group and the caller is a managed identity: its tokens cache group membership for up to 8 hours; assign the role to the identity directly.');

  const principalName = principal.assigneeKind === 'app-id' ? principal.assignee.text : principal.objectId.text;
  const fixes: Fix[] = [
    {
      title: `Grant ${role.name} on ${vault.text} to ${principalName}`,
      steps: [
        `Azure portal: Key vault ${vault.text} → Access control (IAM) → Add role assignment → ${role.name} → Members: the ${principal.human ? 'user' : 'service principal'} → Review + assign.`,
        ...(details.via === 'gitlab-secrets' ? ['The app id is the project\'s AZURE_CLIENT_ID CI/CD variable (the app that holds the federated credential).'] : []),
        ...(details.via === 'azure-key-vault-task' || details.via === 'variable-group'
          ? ['The principal is the Azure DevOps service connection\'s service principal (Project settings → Service connections → Manage App registration).']
          : []),
        'Scope the assignment to the vault, not the subscription; wait up to 10 minutes, then retry.',
        'Assigning needs Owner, User Access Administrator or Role Based Access Control Administrator on the vault.',
      ],
      commands: roleAssignmentCommands(role, principal, scope, vault),
    },
  ];
  if (denied) {
    fixes.push({
      title: `Find who owns deny assignment ${details.denyAssignmentId}`,
      steps: ['A deny assignment cannot be removed with a role assignment: change the managed application, deployment stack or blueprint that created it.'],
      commands: [{ tool: 'powershell', text: `Get-AzDenyAssignment -Id ${ps(value(details.denyAssignmentId, 'deny-assignment-id'))}` }],
    });
  }
  fixes.push({
    title: `Check which permission model ${vault.text} uses`,
    steps: [
      'rbac true: only role assignments count and access policies are ignored.',
      'rbac false with this error: the call went through Azure Resource Manager, which checks roles even on access-policy vaults.',
    ],
    commands: [{ tool: 'az', text: az.showNetwork(vault) }],
  });
  // A hosting service calls with its own identity: name it, and grant it first.
  const advice = hostAdvice(platform);
  if (advice) return { summary, causes: [advice.caller, ...causes], fixes: [advice.grant(vault, scope, facts), ...fixes] };
  return { summary, causes, fixes };
}
