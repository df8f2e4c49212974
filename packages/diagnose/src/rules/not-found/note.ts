/**
 * What `details.message` says for this family, written by the rule and read by the explanation.
 * Kept as plain sentences because renderers show `details.message` as it is.
 */
export const DELETED_LOOKUP = 'The request asked for a soft-deleted object (a get-deleted call), and none by that name is in the deleted state.';

const VERSION_PREFIX = 'Version asked for: ';
const VERSION = /^Version asked for: ([0-9a-fA-F]{32})$/;

export function versionNote(version: string): string {
  return `${VERSION_PREFIX}${version}`;
}

export function versionFrom(message: string | undefined): string | undefined {
  return message === undefined ? undefined : VERSION.exec(message)?.[1];
}
