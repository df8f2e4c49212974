import { MemoryStorage } from 'botbuilder';
import { EventEmitter } from 'node:events';
import { Dedupe } from './dedupe';
import { serveStore, storeClient, type Channel } from './shared-store';

/** Two ends of an IPC channel, delivering asynchronously like process.send does. */
function pipe(): { primary: Channel; worker: Channel } {
  const toPrimary = new EventEmitter();
  const toWorker = new EventEmitter();
  return {
    primary: { send: (m) => setImmediate(() => toWorker.emit('message', m)), on: (_e, l) => toPrimary.on('message', l) },
    worker: { send: (m) => setImmediate(() => toPrimary.emit('message', m)), on: (_e, l) => toWorker.on('message', l) },
  };
}

describe('the shared store over IPC', () => {
  it('reads, writes and deletes in the primary\'s store', async () => {
    const { primary, worker } = pipe();
    const store = new MemoryStorage();
    serveStore(store, primary);
    const client = storeClient(worker);
    await client.write({ a: { seenAt: 1 } });
    expect(await client.read(['a', 'b'])).toEqual({ a: { seenAt: 1, eTag: '1' } });
    expect(await store.read(['a'])).toEqual({ a: { seenAt: 1, eTag: '1' } });
    await client.delete(['a']);
    expect(await client.read(['a'])).toEqual({});
  });

  it('lets two workers share one dedupe: a retry on the other worker is recognised', async () => {
    const store = new MemoryStorage();
    const one = pipe();
    const two = pipe();
    serveStore(store, one.primary);
    serveStore(store, two.primary);
    const key = 'kvdoctor-seen/msteams/a:1/1700000000001';
    expect(await new Dedupe(storeClient(one.worker)).firstTime(key)).toBe(true);
    expect(await new Dedupe(storeClient(two.worker)).firstTime(key)).toBe(false);
  });

  it('ignores messages that are not store traffic, and reports a store that does not answer', async () => {
    const { primary, worker } = pipe();
    serveStore(new MemoryStorage(), primary);
    worker.send({ hello: 'world' });
    worker.send({ kvdoctorStore: 1, id: 'x', op: 'read' });
    const silent = storeClient({ send: () => undefined, on: () => undefined }, 50);
    await expect(silent.read(['a'])).rejects.toThrow('the shared store did not answer');
    expect(await storeClient(worker).read(['a'])).toEqual({});
  });

  it('passes a store failure back as an error', async () => {
    const { primary, worker } = pipe();
    const failing = { read: () => Promise.reject(new RangeError('x')), write: () => Promise.resolve(), delete: () => Promise.resolve() };
    serveStore(failing, primary);
    await expect(storeClient(worker).read(['a'])).rejects.toThrow('the shared store failed (RangeError)');
  });
});
