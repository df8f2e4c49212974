import { isMasked } from './masked';

describe('isMasked', () => {
  it.each(['XXX', 'xxxxxxxx', '***', '...', '…', '<vault>', '<your-key-vault>', '[redacted]', 'REDACTED'])('%s is a mask', (v) => {
    expect(isMasked(v)).toBe(true);
  });

  it.each(['kv-app-prd', 'rg-x', 'x1', 'a...b', 'my.vault', 'redacted-secrets'])('%s is a value', (v) => {
    expect(isMasked(v)).toBe(false);
  });
});
