import { createReadStream } from 'node:fs';
import type { DiagnoseOptions } from '@kvdoctor/diagnose';
import { diagnoseStream } from './diagnose-stream';
import { describeIoError } from './io-error';
import { failed, type InputResult } from './result';

/** Large reads keep the per-chunk overhead (decoding, region scanning) small on gigabyte logs. */
export const READ_CHUNK = 1024 * 1024;

export async function readFile(path: string, display: string, options: DiagnoseOptions): Promise<InputResult> {
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK });
  try {
    return await diagnoseStream(stream, display, options);
  } catch (error) {
    const { code, message } = describeIoError(error);
    return failed(display, code, message);
  } finally {
    stream.destroy();
  }
}
