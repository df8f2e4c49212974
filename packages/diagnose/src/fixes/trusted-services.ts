import type { Fix } from '../report/schema';
import { az } from './az';
import { powershell } from './powershell';
import type { Value } from './quote';

/**
 * Turns trusted-service bypass back on. Each network gate admits trusted services on its own terms,
 * so the caller says in `note` why this rarely admits a pipeline there.
 */
export function trustedServicesFix(vault: Value, rg: Value | undefined, note: string): Fix {
  return {
    title: 'Let trusted Microsoft services through (only helps if the caller is one)',
    steps: [note],
    commands: [
      { tool: 'az', text: az.bypassAzureServices(vault, rg) },
      { tool: 'powershell', text: powershell.bypassAzureServices(vault, rg) },
    ],
  };
}
