/**
 * Which soft-delete situation an occurrence shows, carried in `details.message` as a plain sentence
 * (renderers show it as it is) and read back by the explanation.
 */
export type SoftDeleteState = 'recoverable' | 'being-deleted' | 'being-recovered' | 'vault-name-held' | 'purge-protected';

export const STATE_MESSAGES: Readonly<Record<SoftDeleteState, string>> = {
  recoverable: 'The object is soft-deleted and recoverable; its name stays reserved until it is recovered or purged.',
  'being-deleted': 'The object is still being deleted; Key Vault finishes deletes and purges asynchronously.',
  'being-recovered': 'The object is still being recovered; Key Vault finishes recoveries asynchronously.',
  'vault-name-held': 'A soft-deleted key vault still holds this vault name.',
  'purge-protected': 'Purge protection forbids purging until the retention period ends.',
};

const SIGNS: readonly { state: SoftDeleteState; re: RegExp }[] = [
  // The refusal says "is not allowed because purge protection is enabled"; prose around another refusal may just mention it.
  { state: 'purge-protected', re: /DeletedVaultPurge|because purge protection is enabled/ },
  { state: 'vault-name-held', re: /not purged after being placed in a recoverable state|soft deleted vault with the same name|existing soft-deleted Key Vault exists|vault with the same name already exists in deleted state/ },
  { state: 'recoverable', re: /deleted but recoverable state|ObjectIsDeletedButRecoverable/ },
  { state: 'being-deleted', re: /currently being deleted|ObjectIsBeingDeleted/ },
  { state: 'being-recovered', re: /currently being recovered|ObjectIsBeingRecovered/ },
];

/** The state a message shows: the anchor line decides, the rest of the block only when it is silent. */
export function stateIn(anchorText: string, block: string): SoftDeleteState | undefined {
  return SIGNS.find((s) => s.re.test(anchorText))?.state ?? SIGNS.find((s) => s.re.test(block))?.state;
}

export function stateOf(message: string | undefined): SoftDeleteState | undefined {
  return SIGNS.map((s) => s.state).find((state) => STATE_MESSAGES[state] === message);
}
