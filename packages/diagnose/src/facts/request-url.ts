import type { Facts, ObjectType } from '../report/schema';

type HttpMethod = NonNullable<Facts['requestMethod']>;
import { VAULT_URL } from '../rule-kit/patterns';
import { trimEndChars } from '../rule-kit/trim-end';
import { objectTypeOf } from './object-type';

export interface RequestFacts {
  requestUrl?: string;
  requestMethod?: HttpMethod;
  objectType?: ObjectType;
  objectName?: string;
  apiVersion?: string;
}

const OBJECT_PATH = /^\/(secrets|keys|certificates|storage)\/([A-Za-z0-9-]{1,127})/i;
// "POST https://kv.vault.azure.net/keys/k/wrapkey" (SDK and HTTP-client request lines): the method just before the URL.
const METHOD_BEFORE = /(?:^|[^A-Za-z])(GET|PUT|POST|PATCH|DELETE) {1,3}$/;
// azure-core's http_logging_policy (Python SDKs): "Request URL: '…'" then "Request method: 'POST'" on the next line.
const METHOD_AFTER = /^'?\s{0,40}(?:\S{1,40}\s{1,4})?Request method: '(GET|PUT|POST|PATCH|DELETE)'/;
const API_VERSION = /[?&]api-version=([0-9A-Za-z.-]{1,32})/;
// Terraform names the object in prose: checking for presence of existing Secret "user" (Key Vault …).
const TERRAFORM_OBJECT = /\b(Secret|Key|Certificate) "([A-Za-z0-9-]{1,127})" \(Key Vault/;
// …and its data sources: "making Read request on Azure KeyVault Secret cyberark-ip-ingress: …".
const TERRAFORM_READ = /making Read request on Azure KeyVault (Secret|Key|Certificate) ([A-Za-z0-9-]{1,127})\b/;
// Packer's azure-arm builder: "-> Key Vault Secret Name : 'packerKeyVaultSecret'".
const PACKER_SECRET = /Key Vault Secret Name {1,16}: '([A-Za-z0-9-]{1,127})'/;
// The portal's Key Vault reference status: "Secret name" / "AnthropicApiKey" (or "Secret name: X").
const PORTAL_SECRET = /(?:^|\n)Secret name:?[ \t]{0,4}\n?[ \t]{0,4}([A-Za-z0-9-]{1,127})[ \t]{0,4}(?:\n|$)/;
// AzureKeyVault@2: "Downloading secret value for: NAME." / "Get secret value failed for: NAME."
const TASK_SECRET = /(?:Downloading secret value for|Get secret value failed for|Secret not found): ([A-Za-z0-9_.-]{1,127})/;
// RBAC "Resource: '…/vaults/<v>/secrets/<name>'".
const RESOURCE_OBJECT = /\/vaults\/[A-Za-z0-9-]{3,24}\/(secrets|keys|certificates)\/([A-Za-z0-9-]{1,127})/i;
// A request URL whose host CI masked ("url": "***secrets/name/?api-version=7.4", the JS SDK's RestError).
const MASKED_HOST_OBJECT = /\*{3}\/?(secrets|keys|certificates)\/([A-Za-z0-9-]{1,127})\/?(?:[0-9a-fA-F]{32}\/?)?\?api-version=([0-9A-Za-z.-]{1,32})/;

export function extractRequest(text: string): RequestFacts {
  const out: RequestFacts = {};
  const url = VAULT_URL.exec(text);
  if (url) {
    out.requestUrl = trimEndChars(url[0], '.,;:');
    const before = METHOD_BEFORE.exec(text.slice(Math.max(0, url.index - 12), url.index))?.[1];
    const after = METHOD_AFTER.exec(text.slice(url.index + url[0].length, url.index + url[0].length + 120))?.[1];
    const method = before ?? after;
    if (method === 'GET' || method === 'PUT' || method === 'POST' || method === 'PATCH' || method === 'DELETE') out.requestMethod = method;
    const path = url[3] ?? '';
    const object = OBJECT_PATH.exec(path);
    if (object?.[1] && object[2]) {
      out.objectType = objectTypeOf(object[1]);
      out.objectName = object[2];
    }
    const api = API_VERSION.exec(path)?.[1];
    if (api) out.apiVersion = api;
  }
  if (out.objectName === undefined) {
    const tf = TERRAFORM_OBJECT.exec(text) ?? TERRAFORM_READ.exec(text);
    const rbac = RESOURCE_OBJECT.exec(text);
    const task = TASK_SECRET.exec(text) ?? PACKER_SECRET.exec(text) ?? PORTAL_SECRET.exec(text);
    if (tf?.[1] && tf[2]) {
      out.objectType = objectTypeOf(tf[1]);
      out.objectName = tf[2];
    } else if (rbac?.[1] && rbac[2]) {
      out.objectType = objectTypeOf(rbac[1]);
      out.objectName = rbac[2];
    } else if (task?.[1] && trimEndChars(task[1], '.') !== '') {
      out.objectType = 'secret';
      // "Downloading secret value for: NAME." ends the sentence with the name: the dot is not its.
      out.objectName = trimEndChars(task[1], '.');
    } else {
      const masked = MASKED_HOST_OBJECT.exec(text);
      if (masked?.[1] && masked[2]) {
        out.objectType = objectTypeOf(masked[1]);
        out.objectName = masked[2];
        if (masked[3] && out.apiVersion === undefined) out.apiVersion = masked[3];
      }
    }
  }
  return out;
}
