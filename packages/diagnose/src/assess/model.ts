import * as z from 'zod';

/**
 * What decides whether a caller gets into a vault, as plain data. Built from Azure Resource Manager
 * (live check) or from the JSON `az keyvault show` prints; `roleAssignments` and `nsp` are absent
 * when they could not be read, so the checks that need them answer `unknown` rather than guess.
 */
export const VaultAccessModelSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  resourceGroup: z.string().min(1),
  subscriptionId: z.string().min(1),
  location: z.string().min(1),
  tenantId: z.string().min(1),
  /** `SecuredByPerimeter` hands the decision to the network security perimeter's access rules. */
  publicNetworkAccess: z.enum(['Enabled', 'Disabled', 'SecuredByPerimeter']),
  networkAcls: z.object({
    defaultAction: z.enum(['Allow', 'Deny']),
    bypass: z.enum(['AzureServices', 'None']),
    /** As the vault holds them: `1.2.3.4/32`, `1.2.3.0/24`, or a bare address. */
    ipRules: z.array(z.string()),
    /** Subnet resource ids. */
    virtualNetworkRules: z.array(z.string()),
  }),
  privateEndpointConnections: z.array(z.object({ name: z.string().min(1), status: z.string().min(1) })),
  enableRbacAuthorization: z.boolean(),
  accessPolicies: z.array(
    z.object({
      objectId: z.string().min(1),
      /** Set only on compound-identity entries, which admit on-behalf-of calls alone. */
      applicationId: z.string().min(1).optional(),
      tenantId: z.string().min(1),
      permissions: z.object({ secrets: z.array(z.string()), keys: z.array(z.string()), certificates: z.array(z.string()) }),
    }),
  ),
  enableSoftDelete: z.boolean(),
  enablePurgeProtection: z.boolean(),
  /** Assignments for the caller's object id at the vault's scope and above; absent when unreadable. */
  roleAssignments: z
    .array(
      z.object({
        roleName: z.string().min(1),
        roleDefinitionId: z.string().min(1),
        scope: z.string().min(1),
        principalId: z.string().min(1),
        /** Absent when the role definition could not be read. */
        dataActions: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  /** Absent when perimeter associations could not be read. */
  nsp: z
    .object({
      associated: z.boolean(),
      mode: z.enum(['Learning', 'Enforced', 'Audit']).optional(),
      /** The perimeter's resource id and the profile's name, for the command that adds an access rule. */
      perimeter: z.string().min(1).optional(),
      profile: z.string().min(1).optional(),
    })
    .optional(),
});
export type VaultAccessModel = z.infer<typeof VaultAccessModelSchema>;
export type RoleAssignmentEntry = NonNullable<VaultAccessModel['roleAssignments']>[number];
export type AccessPolicyEntry = VaultAccessModel['accessPolicies'][number];
