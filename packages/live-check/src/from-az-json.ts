import { assess, type AssessOptions, type Finding, type VaultAccessModel, type Verdict } from '@kvdoctor/diagnose';
import { checkedFinding } from './preflight';
import { ArmVaultSchema, issues, toModel } from './vault-json';

export type AzJsonResult =
  | { readonly ok: true; readonly model: VaultAccessModel; readonly verdicts: Verdict[] }
  | { readonly ok: false; readonly error: { readonly code: 'invalid-json' | 'not-a-vault'; readonly message: string } };

/**
 * The model from what `az keyvault show --name <vault>` prints, for support staff who can paste
 * that instead of granting access. That output is the vault's own body only: it cannot say which
 * role assignments (at the vault, above it or on its objects, direct or through groups) or deny
 * assignments the caller has, nor whether a network security perimeter holds the vault and what its
 * access rules admit. Those stay absent from the model, so `nsp` and (on RBAC vaults)
 * `role-assignment` say `unknown`, never `pass`.
 */
export function modelFromAzJson(json: unknown): { ok: true; model: VaultAccessModel } | Extract<AzJsonResult, { ok: false }> {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch {
      // JSON.parse's message quotes the input, which may hold anything: it is never echoed.
      return { ok: false, error: { code: 'invalid-json', message: 'the text is not JSON: paste the whole output of `az keyvault show --name <vault>`' } };
    }
  }
  const parsed = ArmVaultSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, error: { code: 'not-a-vault', message: `this is not the output of az keyvault show (${issues(parsed.error)})` } };
  }
  const built = toModel(parsed.data);
  return built.ok ? built : { ok: false, error: { code: 'not-a-vault', message: built.message } };
}

/** Assesses a finding against pasted `az keyvault show` JSON (text or parsed); `options.serviceTags` as for `liveCheck`. */
export function checkFromAzJson(finding: Finding, json: unknown, options: AssessOptions = {}): AzJsonResult {
  const built = modelFromAzJson(json);
  return built.ok ? { ok: true, model: built.model, verdicts: assess(checkedFinding(finding), built.model, options) } : built;
}
