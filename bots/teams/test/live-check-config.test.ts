import { startBot } from './helpers/bot-process';

jest.setTimeout(60_000);

describe('start-up validation of live checks', () => {
  it('refuses live-check subscriptions without allowed tenants: exit 2, one line saying why', async () => {
    const run = startBot({ KVDOCTOR_LIVE_CHECK_SUBSCRIPTIONS: '5c7e2a10-3b4d-4f6e-8a9b-0c1d2e3f4a5b', PORT: '0' });
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toBe(
      [
        'kvdoctor-teams: the configuration is not valid:',
        '  - KVDOCTOR_ALLOWED_TENANTS: required when KVDOCTOR_LIVE_CHECK_SUBSCRIPTIONS is set (a live check reads only vaults of allowed tenants)',
        'See bots/teams/env.TEMPLATE.',
        '',
      ].join('\n'),
    );
  });
});
