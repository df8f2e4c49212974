import { z } from 'zod';
import type { StoreLike } from './dedupe';

/**
 * One store for all worker processes of a host (KVDOCTOR_WORKERS > 1): the primary keeps it, the
 * workers reach it over the cluster IPC channel through botbuilder's Storage shape (read, write,
 * delete). A Teams retry may arrive at any worker; it still finds the first delivery's record.
 */
const RequestSchema = z.discriminatedUnion('op', [
  z.object({ kvdoctorStore: z.literal(1), id: z.number().int(), op: z.literal('read'), keys: z.array(z.string()) }),
  z.object({ kvdoctorStore: z.literal(1), id: z.number().int(), op: z.literal('write'), changes: z.record(z.string(), z.unknown()) }),
  z.object({ kvdoctorStore: z.literal(1), id: z.number().int(), op: z.literal('delete'), keys: z.array(z.string()) }),
]);
const ReplySchema = z.object({ kvdoctorStore: z.literal(1), id: z.number().int(), items: z.record(z.string(), z.unknown()).optional(), error: z.string().optional() });
type Reply = z.infer<typeof ReplySchema>;

/** The IPC ends: a worker's `process`, or the primary's `Worker` object. */
export interface Channel {
  send(message: unknown): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

/** Primary side: answers store requests from one worker's channel. Other messages are ignored. */
export function serveStore(store: StoreLike, channel: Channel): void {
  channel.on('message', (message) => {
    const request = RequestSchema.safeParse(message);
    if (!request.success) return;
    const { id } = request.data;
    const done = (reply: Omit<Reply, 'kvdoctorStore' | 'id'>) => channel.send({ kvdoctorStore: 1, id, ...reply });
    const op =
      request.data.op === 'read'
        ? store.read(request.data.keys).then((items) => done({ items }))
        : request.data.op === 'write'
          ? store.write(request.data.changes).then(() => done({}))
          : store.delete(request.data.keys).then(() => done({}));
    op.catch((err: unknown) => done({ error: err instanceof Error ? err.name : 'error' }));
  });
}

/** Worker side: the store, as a client of the primary's. */
export function storeClient(channel: Channel, timeoutMs = 5000): StoreLike {
  let next = 0;
  const pending = new Map<number, (reply: Reply) => void>();
  channel.on('message', (message) => {
    const reply = ReplySchema.safeParse(message);
    if (!reply.success) return;
    pending.get(reply.data.id)?.(reply.data);
    pending.delete(reply.data.id);
  });
  const call = (request: Record<string, unknown>): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error('the shared store did not answer'));
      }, timeoutMs);
      pending.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.error === undefined) resolve(reply);
        else reject(new Error(`the shared store failed (${reply.error})`));
      });
      channel.send({ kvdoctorStore: 1, id, ...request });
    });
  return {
    read: async (keys) => (await call({ op: 'read', keys })).items ?? {},
    write: async (changes) => {
      await call({ op: 'write', changes });
    },
    delete: async (keys) => {
      await call({ op: 'delete', keys });
    },
  };
}
