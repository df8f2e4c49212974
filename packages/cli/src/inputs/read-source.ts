import type { DiagnoseOptions } from '@kvdoctor/diagnose';
import { diagnoseStream } from './diagnose-stream';
import { readFile } from './read-file';
import { readZip } from './read-zip';
import type { InputResult, Source } from './result';

/** One source → its results (an archive gives one per log entry). */
export async function readSource(source: Source, options: DiagnoseOptions): Promise<InputResult[]> {
  switch (source.kind) {
    case 'file':
      return [await readFile(source.path, source.display, options)];
    case 'zip':
      return readZip(source.path, source.display, options);
    case 'stdin':
      return [await diagnoseStream(process.stdin, source.display, options)];
  }
}
