import type { ExplainInput, Explanation } from '../../rule-kit/rule';
import type { Fix } from '../../report/schema';
import { objectCommands, objectKind, type ObjectKind } from '../../fixes/object-commands';
import { value } from '../../fixes/quote';
import { DELETED_LOOKUP, versionFrom } from './note';

// Key Vault object names: 1-127 of 0-9, a-z, A-Z and "-".
const VALID_NAME = /^[0-9A-Za-z-]{1,127}$/;
// Built-in RBAC roles that include recover and purge for each kind.
const OFFICER: Readonly<Record<ObjectKind, string>> = {
  secret: 'Key Vault Secrets Officer',
  key: 'Key Vault Crypto Officer',
  certificate: 'Key Vault Certificates Officer',
};

export function explainNotFound({ facts, details }: ExplainInput): Explanation {
  const kind = objectKind(facts.objectType);
  const vault = value(facts.vault, 'vault-name');
  const name = value(facts.objectName, `${kind}-name`);
  const where = facts.vault ? `Key Vault ${facts.vault}` : 'the key vault';
  const Where = facts.vault ? where : 'The key vault';
  const version = versionFrom(details.message);
  const deletedLookup = details.message === DELETED_LOOKUP;
  const invalid = facts.objectName !== undefined && !VALID_NAME.test(facts.objectName);
  const named = facts.objectName ? `named ${facts.objectName}` : 'by that name';

  let summary: string;
  if (invalid) {
    summary = `"${facts.objectName}" is not a valid Key Vault ${kind} name (only 0-9, a-z, A-Z and - are allowed), so ${where} cannot hold a ${kind} by that name.`;
  } else if (deletedLookup) {
    summary = `${Where} has no soft-deleted ${kind} ${named}: it was already purged or recovered, or it was never deleted.`;
  } else {
    summary = `${Where} has no ${kind} ${named}${version ? ` with version ${version}` : ''}: Key Vault found nothing to return.`;
  }

  const causes: string[] = [];
  if (invalid) {
    causes.push(
      `The name "${facts.objectName}" has characters Key Vault does not allow: names are 1-127 of 0-9, a-z, A-Z and -. Configuration keys such as DB_PASSWORD or ConnectionStrings:Db are stored as DB-PASSWORD or ConnectionStrings--Db.`,
    );
  }
  if (deletedLookup) {
    causes.push(`The ${kind} is not in the deleted state: it was purged or recovered already, or a purge is still finishing (wait a few seconds and retry).`);
  }
  if (version) causes.push(`The reference pins version ${version}, which this ${kind} does not have (a version copied from another vault or environment, or a typo).`);
  causes.push(
    `The ${kind} name is misspelt, or the job reads another vault than the one holding it (another environment's vault, or a vault-name variable that resolved to something else).`,
    `The ${kind} was deleted: it is now soft-deleted and can be recovered until its retention period (7-90 days) ends.`,
    `The ${kind} is created by a later step or another pipeline than the one that reads it.`,
  );

  const fixes: Fix[] = [];
  if (invalid && facts.objectName) {
    fixes.push({
      title: `Use a valid ${kind} name`,
      steps: [
        `Store and read the ${kind} under a name of only 0-9, a-z, A-Z and -, for example ${facts.objectName.replace(/[^0-9A-Za-z-]/g, '-')}; ASP.NET Core's Key Vault provider maps "--" back to ":".`,
      ],
      commands: [],
    });
  }
  fixes.push({
    title: `Check the ${kind} name and the vault`,
    steps: [
      `List the ${kind}s in ${facts.vault ?? 'the vault'} (needs List permission) and compare the name; names are not case-sensitive.`,
      'Print the vault name the job actually used: a pipeline variable or environment may point at another environment\'s vault.',
    ],
    commands: [{ tool: 'az', text: objectCommands.listNames(kind, vault) }],
  });
  if (version) {
    fixes.push({
      title: 'Check the version in the reference',
      steps: ['List the versions and use one that exists, or drop the version from the reference to read the current one.'],
      commands: [{ tool: 'az', text: objectCommands.listVersions(kind, vault, name) }],
    });
  }
  fixes.push({
    title: `Recover the ${kind} if it was deleted`,
    steps: [
      `Look for it among the deleted ${kind}s; recovering needs the Recover permission (${OFFICER[kind]} on an RBAC vault).`,
      'If it was purged, it is gone: create it again, and keep soft-delete and purge protection on.',
    ],
    commands: deletedLookup
      ? [{ tool: 'az', text: objectCommands.showDeleted(kind, vault, name) }, { tool: 'az', text: objectCommands.listDeleted(kind, vault) }]
      : [
          { tool: 'az', text: objectCommands.listDeleted(kind, vault) },
          { tool: 'az', text: objectCommands.recover(kind, vault, name) },
          { tool: 'powershell', text: objectCommands.listDeletedPs(kind, vault) },
          { tool: 'powershell', text: objectCommands.recoverPs(kind, vault, name) },
        ],
  });
  return { summary, causes, fixes };
}
