import { azureRanges } from '@kvdoctor/azure-ranges';
import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { createDownloader } from '../../src/attachments';
import { KvdoctorBot, type BotDeps } from '../../src/bot';
import { DEFAULT_LIMITS } from '../../src/conversation/limits';
import { memoryLogger, type Logger } from '../../src/logger';
import { TENANT } from './activities';
import { localLiveChecker } from './local-live-check';

const NOW = new Date('2026-11-23T09:30:00.000Z');

const VAULTS = [{ name: 'hypervmigratio98a5kv', defaultAction: 'Deny', ipRules: ['20.37.158.0/23'] }] as const;

/**
 * Teams' activities are looser than botbuilder's types (a personal chat's conversation has no
 * isGroup or name): the fields the bot relies on are checked by the code under test.
 */
function isActivityLike(value: object): value is Partial<Activity> {
  return 'type' in value && typeof value.type === 'string';
}

/** The bot's dependencies in tests: real local ones, one allowed tenant and a fixed clock. */
export function testDeps(logger: Logger, overrides: Partial<BotDeps> = {}): BotDeps {
  return {
    limits: DEFAULT_LIMITS,
    allowedTenants: [TENANT],
    download: createDownloader({ allowHttp: true }),
    liveCheck: localLiveChecker(VAULTS),
    serviceTags: azureRanges(),
    storage: new MemoryStorage(),
    logger,
    now: () => NOW,
    ...overrides,
  };
}

/** The bot behind botbuilder's TestAdapter, with real local dependencies. */
export function harness(overrides: Partial<BotDeps> = {}) {
  const logger = memoryLogger();
  const bot = new KvdoctorBot(testDeps(logger, overrides));
  const adapter = new TestAdapter(async (context) => {
    await bot.run(context);
  });
  return {
    adapter,
    logger,
    /** Runs one activity (as Teams would send it) through the bot and returns everything it sent. */
    async send(activity: object): Promise<Partial<Activity>[]> {
      if (!isActivityLike(activity)) throw new Error('not an activity: it has no type');
      await adapter.processActivity(activity);
      return adapter.activeQueue.splice(0);
    },
  };
}
