import { echoCode } from './echo-code';

describe('echoCode', () => {
  test.each([
    ['a code with a typo', 'ForbiddenByFirewal', 'ForbiddenByFirewal'],
    ['an AADSTS code', ' AADSTS7002138 ', 'AADSTS7002138'],
    ['a vault name', 'hypervmigratio98a5kv', 'hypervmigratio98a5kv'],
    ['a short made-up code', 'NotARealCode123', 'NotARealCode123'],
  ])('echoes %s', (_, input, shown) => {
    expect(echoCode(input)).toBe(shown);
  });

  test.each([
    ['a random token', 'Qx7kP2mZ9vT4wR8sL1nB'],
    ['an Entra client secret', 'Abc8Q~abcdefghijklmnopqrstuvwxyz0123456'],
    ['a password with symbols', 'Hx!9p@ss#word'],
    ['a long lowercase token', 'abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstu'],
    ['a pasted line', 'client_secret=hunter2hunter2'],
  ])('does not echo %s', (_, input) => {
    expect(echoCode(input)).toBeUndefined();
  });
});
