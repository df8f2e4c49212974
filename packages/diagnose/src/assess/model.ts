import * as z from 'zod/mini';
import { ensureEnglishMessages } from '../zod-messages';

ensureEnglishMessages();

const NonEmptySchema = z.string().check(z.minLength(1));

/**
 * What decides whether a caller gets into a vault, as plain data. Built from Azure Resource Manager
 * (live check) or from the JSON `az keyvault show` prints; `roleAssignments` and `nsp` are absent
 * when they could not be read, so the checks that need them answer `unknown` rather than guess.
 */
export const VaultAccessModelSchema = z.object({
  id: NonEmptySchema,
  name: NonEmptySchema,
  resourceGroup: NonEmptySchema,
  subscriptionId: NonEmptySchema,
  location: NonEmptySchema,
  tenantId: NonEmptySchema,
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
  privateEndpointConnections: z.array(z.object({ name: NonEmptySchema, status: NonEmptySchema })),
  enableRbacAuthorization: z.boolean(),
  accessPolicies: z.array(
    z.object({
      objectId: NonEmptySchema,
      /** Set only on compound-identity entries, which admit on-behalf-of calls alone. */
      applicationId: z.optional(NonEmptySchema),
      tenantId: NonEmptySchema,
      permissions: z.object({ secrets: z.array(z.string()), keys: z.array(z.string()), certificates: z.array(z.string()) }),
    }),
  ),
  enableSoftDelete: z.boolean(),
  enablePurgeProtection: z.boolean(),
  /**
   * Assignments for the caller's object id at the vault's scope, above it, and on the vault's keys,
   * secrets and certificates; absent when unreadable. With `groupsExpanded`, also the assignments of
   * the groups the caller is a member of (their `principalId` is the group's).
   */
  roleAssignments: z.optional(
    z.array(
      z.object({
        roleName: NonEmptySchema,
        roleDefinitionId: NonEmptySchema,
        scope: NonEmptySchema,
        principalId: NonEmptySchema,
        /** `User`, `Group`, `ServicePrincipal`, … as ARM names it. */
        principalType: z.optional(NonEmptySchema),
        /** Absent when the role definition could not be read. */
        dataActions: z.optional(z.array(z.string())),
        /** Subtracted from `dataActions` (a role's own exclusions, not a deny). */
        notDataActions: z.optional(z.array(z.string())),
        /** An ABAC condition (version 2.0 syntax) that limits the assignment. */
        condition: z.optional(NonEmptySchema),
      }),
    ),
  ),
  /** True when `roleAssignments` were listed with ARM's `assignedTo()` filter, which includes group-held ones. */
  groupsExpanded: z.optional(z.boolean()),
  /** Deny assignments that ARM lists for the caller (its groups included); absent when unread. */
  denyAssignments: z.optional(
    z.array(
      z.object({
        name: NonEmptySchema,
        scope: NonEmptySchema,
        dataActions: z.array(z.string()),
        notDataActions: z.array(z.string()),
        excludePrincipals: z.array(z.string()),
        doNotApplyToChildScopes: z.boolean(),
        /** When set, the deny applies only where this condition holds. */
        condition: z.optional(NonEmptySchema),
      }),
    ),
  ),
  /** Absent when perimeter associations could not be read. */
  nsp: z.optional(
    z.object({
      associated: z.boolean(),
      mode: z.optional(z.enum(['Learning', 'Enforced', 'Audit'])),
      /** The perimeter's resource id and the profile's name, for the command that adds an access rule. */
      perimeter: z.optional(NonEmptySchema),
      profile: z.optional(NonEmptySchema),
      /**
       * The subscriptions whose perimeters were searched. A perimeter may sit in any subscription, so
       * "not associated" holds only for these; absent when the caller vouches for the whole tenant.
       */
      searchedSubscriptions: z.optional(z.array(NonEmptySchema)),
      /** The profile's inbound access rules; absent when they could not be read. */
      accessRules: z.optional(
        z.array(
          z.object({
            name: NonEmptySchema,
            /** CIDR ranges (IPv4 or IPv6) whose callers get in. */
            addressPrefixes: z.array(z.string()),
            /** Subscription ids whose managed identities get in. */
            subscriptions: z.array(z.string()),
            /** Service tags whose addresses get in. */
            serviceTags: z.array(z.string()),
            /** Other perimeters (resource ids) whose resources get in. */
            perimeters: z.array(z.string()),
          }),
        ),
      ),
    }),
  ),
});
export type VaultAccessModel = z.infer<typeof VaultAccessModelSchema>;
export type RoleAssignmentEntry = NonNullable<VaultAccessModel['roleAssignments']>[number];
export type DenyAssignmentEntry = NonNullable<VaultAccessModel['denyAssignments']>[number];
export type AccessPolicyEntry = VaultAccessModel['accessPolicies'][number];
export type PerimeterAccessRule = NonNullable<NonNullable<VaultAccessModel['nsp']>['accessRules']>[number];
