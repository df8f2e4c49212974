import type { Details, Facts, ObjectType } from '../../report/schema';

// "does not have secrets get permission on key vault '…'" (current wording).
const PERMISSION = /does not have (secrets|keys|certificates|storage) ([A-Za-z]{1,40}) permission/;
// "Operation is not allowed.\r\nOperation: "encrypt"" (wording before 2020).
const OPERATION = /Operation: "([A-Za-z]{1,40})"/;
// go-autorest names the call it made: keyvault.BaseClient#DeleteSecret, #GetSecrets, #Encrypt.
const METHOD = /\bkeyvault\.BaseClient#([A-Za-z]{1,40})/;
const OBJECT_METHOD = /^(Get|Set|Delete|Update|Create|Import|Backup|Restore|PurgeDeleted|RecoverDeleted)(Secret|Key|Certificate)(s|Versions)?$/;
const OBO = /to use on-behalf-of \(OBO\) flow/;
const NO_POLICY = /Access policy is not set\./;

const KEY_OPERATIONS: Readonly<Record<string, string>> = {
  encrypt: 'encrypt',
  decrypt: 'decrypt',
  wrapkey: 'wrapKey',
  unwrapkey: 'unwrapKey',
  sign: 'sign',
  verify: 'verify',
};
const PLURALS: Readonly<Record<string, string>> = { Secret: 'secrets', Key: 'keys', Certificate: 'certificates' };
const TYPES: Readonly<Record<string, ObjectType>> = { secrets: 'secret', keys: 'key', certificates: 'certificate', storage: 'storage' };

/** Fixed descriptions of the two texts that name no permission (never the pasted text itself). */
export const OBO_MESSAGE = 'The policy requires the caller to use on-behalf-of (OBO) flow';
export const NO_POLICY_MESSAGE = 'Access policy is not set';

function fromMethod(method: string): string | undefined {
  const key = KEY_OPERATIONS[method.toLowerCase()];
  if (key) return `keys ${key}`;
  const m = OBJECT_METHOD.exec(method);
  const verb = m?.[1];
  const noun = m?.[2];
  if (!verb || !noun) return undefined;
  const op = verb === 'Get' && m[3] ? 'list' : verb.replace('Deleted', '').toLowerCase();
  return `${PLURALS[noun] ?? 'secrets'} ${op}`;
}

function fromOperation(op: string, type: ObjectType | undefined): string {
  const key = KEY_OPERATIONS[op.toLowerCase()];
  if (key) return `keys ${key}`;
  const plural = type === undefined ? undefined : Object.keys(TYPES).find((k) => TYPES[k] === type);
  return plural ? `${plural} ${op}` : op;
}

/** The missing permission ("secrets get", "keys encrypt"), from the message or the client call. */
export function extractAccessPolicy(block: string, objectType: ObjectType | undefined): { facts: Facts; details: Details } {
  const facts: Facts = {};
  const details: Details = {};
  const stated = PERMISSION.exec(block);
  const operation = OPERATION.exec(block)?.[1];
  const method = METHOD.exec(block)?.[1];
  let permission: string | undefined;
  if (stated?.[1] && stated[2]) permission = `${stated[1]} ${stated[2]}`;
  else if (operation) permission = fromOperation(operation, objectType);
  else if (method) permission = fromMethod(method);
  if (permission) {
    details.permission = permission;
    const type = TYPES[permission.split(' ')[0] ?? ''];
    if (type && objectType === undefined) facts.objectType = type;
  }
  if (OBO.test(block)) details.message = OBO_MESSAGE;
  else if (NO_POLICY.test(block)) details.message = NO_POLICY_MESSAGE;
  return { facts, details };
}
