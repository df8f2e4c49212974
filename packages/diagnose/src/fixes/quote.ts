/**
 * A value to put in a command: the fact when the text stated it, otherwise a visible placeholder
 * such as `<vault-name>` that the reader must replace (placeholders are never quoted).
 */
export type Value = { readonly known: true; readonly text: string } | { readonly known: false; readonly text: string };

export function value(fact: string | undefined, placeholder: string): Value {
  return fact === undefined ? { known: false, text: `<${placeholder}>` } : { known: true, text: fact };
}

const BASH_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** POSIX shell quoting (az commands are shown for bash). */
export function sh(v: Value): string {
  if (!v.known || BASH_SAFE.test(v.text)) return v.text;
  return `'${v.text.replace(/'/g, `'"'"'`)}'`;
}

const PS_SAFE = /^[A-Za-z0-9_.\/-]+$/;

/** PowerShell quoting: single quotes, doubled inside. */
export function ps(v: Value): string {
  if (!v.known || PS_SAFE.test(v.text)) return v.text;
  return `'${v.text.replace(/'/g, "''")}'`;
}

/** A string literal for Bicep (single-quoted, backslash escapes). */
export function bicepString(v: Value): string {
  return `'${v.text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A string literal for Terraform HCL. */
export function hclString(v: Value): string {
  return `"${v.text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$\{/g, '$${')}"`;
}
