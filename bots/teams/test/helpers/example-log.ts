import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's example Azure DevOps log (a firewall refusal), as users attach or paste it. */
export const EXAMPLE_LOG_BYTES = readFileSync(join(__dirname, '../../../../examples/azdo-variable-group-firewall.log'));
export const EXAMPLE_LOG = EXAMPLE_LOG_BYTES.toString('utf8');
