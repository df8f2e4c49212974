/**
 * Teams re-sends an activity when the bot has not answered its POST within ~15 s. A message whose
 * id was already seen is dropped so the user does not get two answers. The record goes through
 * botbuilder's Storage interface (structurally typed here so this file needs no framework
 * import): MemoryStorage for one instance, a shared store (Cosmos DB, Blob) for several.
 */
export interface StoreLike {
  read(keys: string[]): Promise<Record<string, unknown>>;
  write(changes: Record<string, unknown>): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

export class Dedupe {
  constructor(
    private readonly store: StoreLike,
    /** How long an id is remembered; Teams retries within seconds, so minutes are plenty. */
    private readonly ttlMs = 10 * 60 * 1000,
  ) {}

  /** True the first time a key is seen; later calls within the TTL return false. */
  async firstTime(key: string): Promise<boolean> {
    const found = await this.store.read([key]);
    if (found[key] !== undefined) return false;
    await this.store.write({ [key]: { seenAt: Date.now() } });
    // Forgetting keeps a memory store bounded; a shared store can add its own TTL as well.
    setTimeout(() => {
      this.store.delete([key]).catch(() => undefined);
    }, this.ttlMs).unref();
    return true;
  }
}

export function activityKey(channelId: string, conversationId: string, activityId: string): string {
  // Storage keys are escaped by shared stores; keeping them short and ASCII helps any store.
  return `kvdoctor-seen/${channelId}/${conversationId.slice(0, 200)}/${activityId.slice(0, 200)}`;
}
