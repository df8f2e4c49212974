
export interface Progress {
  tick(): void;
  stop(): void;
}

const NONE: Progress = { tick: () => undefined, stop: () => undefined };

/** A bar on stderr, only for a terminal: piped or captured stderr stays free of control codes. */
export async function startProgress(total: number, stream: NodeJS.WriteStream): Promise<Progress> {
  if (!stream.isTTY) return NONE;
  // Loaded only when shown: it is the slowest of the CLI's own modules to load.
  const { SingleBar } = await import('cli-progress');
  const bar = new SingleBar({
    stream,
    format: 'kvdoctor {bar} {value}/{total} inputs | {duration_formatted}',
    clearOnComplete: true,
    hideCursor: true,
  });
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}
