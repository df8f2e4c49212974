import { packageVersion } from '../version';

/** The commands whose `--format json` output is one envelope. */
export type JsonCommand = 'diagnose' | 'explain' | 'check';

/**
 * Every JSON document the CLI prints starts the same way: which tool and version wrote it and for
 * which command, then that command's payload. A script reading several commands' output (or output
 * kept from older versions) tells them apart without guessing from the shape.
 */
export function jsonEnvelope(command: JsonCommand, payload: Readonly<Record<string, unknown>>): string {
  return `${JSON.stringify({ tool: 'kvdoctor', version: packageVersion(), command, ...payload }, null, 2)}\n`;
}
