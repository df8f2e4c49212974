import { objectTypeOf } from '../../facts/object-type';
import type { Details, Facts } from '../../report/schema';
import { defineRule } from '../../rule-kit/define-rule';
import { inLineOrder, overlaps } from '../../rule-kit/occurrence-lists';
import { findOccurrences } from '../../rule-kit/occurrences';
import type { Occurrence } from '../../rule-kit/rule';
import type { Window } from '../../rule-kit/window';
import { explainNotFound } from './explain';
import { DELETED_LOOKUP, versionNote } from './note';

// The service's 404 sentence, the deleted-object lookup, the AzureKeyVault@2/@1 task strings and
// the 400 the service gives for a name it could never store (the task reports that as "not found").
const ANCHOR =
  /A (?:secret|key|certificate) with \(name\/id\) \S{1,300} was not found in this key vault|Deleted (?:Secret|Key|Certificate) not found: |Secret not found: .{1,127}?\. Secret name must be|Cannot find the secret with name: |The request URI contains an invalid name: /g;
// A code in an error-code position when the sentence is missing (GitLab/Go "ERROR CODE:", .NET "ErrorCode:").
const SUPPORT = /(?:"code"\s?:\s?"|\bCode[=:]\s?"?|ERROR CODE: |ErrorCode: ?|^\()(?:Secret|Key|Certificate)NotFound\b/gm;
// The track-1 SDKs print only this line; it is a Key Vault 404 only when the call is visibly Key Vault's.
const TRACK1 = /Operation returned an invalid status code 'NotFound'/g;
const KEY_VAULT_CALL = /Microsoft\.Azure\.KeyVault|KeyVaultErrorException|KeyVaultClient|Get-Az(?:ure)?KeyVault|AzureKeyVault|\.vault\.(?:azure\.net|azure\.cn|usgovcloudapi\.net)/;

const SENTENCE = /A (secret|key|certificate) with \(name\/id\) (\S{1,300}) was not found/;
const DELETED = /Deleted (Secret|Key|Certificate) not found: ([A-Za-z0-9-]{1,127})/;
const TASK = /(?:Secret not found: (.{1,127}?)\. Secret name must be|Cannot find the secret with name: (\S{1,127}) ?\.)/;
const INVALID = /The request URI contains an invalid name: ([^\s,'"]{1,127})/;
const CALL_KIND = /\bGet(Secret|Key|Certificate)/;
const VERSION = /^[0-9a-fA-F]{32}$/;

function extract(block: string, anchorText: string): { facts: Facts; details: Details } {
  const facts: Facts = {};
  const details: Details = {};
  const sentence = SENTENCE.exec(anchorText) ?? SENTENCE.exec(block);
  const deleted = DELETED.exec(anchorText);
  const task = TASK.exec(anchorText);
  const invalid = INVALID.exec(anchorText);
  if (sentence?.[1] && sentence[2]) {
    // "(name/id) somesecret/0000…" names the object and, after the slash, the version asked for.
    const [name, version] = sentence[2].replace(/\/$/, '').split('/');
    const type = objectTypeOf(sentence[1]);
    if (type) facts.objectType = type;
    if (name) facts.objectName = name;
    if (version && VERSION.test(version)) details.message = versionNote(version);
  } else if (deleted?.[1] && deleted[2]) {
    const type = objectTypeOf(deleted[1]);
    if (type) facts.objectType = type;
    facts.objectName = deleted[2];
    details.message = DELETED_LOOKUP;
  } else if (task) {
    facts.objectType = 'secret';
    const name = task[1] ?? task[2];
    // "%s" is the task's own placeholder (a quoted format string), never a name.
    if (name && name !== '%s') facts.objectName = name;
  } else if (invalid?.[1]) {
    facts.objectName = invalid[1];
  }
  return { facts, details };
}

function track1(window: Window, strong: readonly Occurrence[]): Occurrence[] {
  return findOccurrences(window, {
    anchor: TRACK1,
    confidence: 'medium',
    extract: (block) => {
      const facts: Facts = {};
      const call = objectTypeOf(CALL_KIND.exec(block)?.[1]);
      if (call) facts.objectType = call;
      return { facts };
    },
  }).filter((o) => KEY_VAULT_CALL.test(window.slice(o.from, o.to)) && !strong.some((s) => overlaps(s, o)));
}

export default defineRule({
  meta: {
    id: 'not-found',
    title: 'The secret, key or certificate does not exist in this vault',
    description:
      'Key Vault answered 404 (SecretNotFound, KeyNotFound, CertificateNotFound): no object by that name (or version) exists in the vault that was called. Usually a misspelt or invalid name, the wrong vault, a wrong version, or an object that was deleted and is now soft-deleted.',
    severity: 'error',
    since: '0.1.0',
    rank: 70,
    codes: ['SecretNotFound', 'KeyNotFound', 'CertificateNotFound'],
    docs: [
      { title: 'Azure Key Vault keys, secrets and certificates overview (object names)', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/about-keys-secrets-certificates' },
      { title: 'Azure Key Vault soft-delete overview', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview' },
      { title: 'Azure Key Vault recovery management', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/key-vault-recovery' },
    ],
  },
  markers: [
    'was not found in this key vault',
    'SecretNotFound',
    'KeyNotFound',
    'CertificateNotFound',
    'Secret not found: ',
    'Cannot find the secret with name',
    'Deleted Secret not found',
    'Deleted Key not found',
    'Deleted Certificate not found',
    'contains an invalid name',
    "invalid status code 'NotFound'",
  ],
  match: (window) => {
    const strong = findOccurrences(window, { anchor: ANCHOR, support: SUPPORT, extract });
    return inLineOrder(strong, track1(window, strong));
  },
  explain: explainNotFound,
});
