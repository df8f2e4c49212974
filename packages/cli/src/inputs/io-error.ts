import type { InputErrorCode } from './result';

/** Maps a Node I/O error to a code and a plain reason; the path is named by the caller. */
export function describeIoError(error: unknown): { code: InputErrorCode; message: string } {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return { code: 'not-found', message: 'no such file or folder' };
    case 'EACCES':
    case 'EPERM':
      return { code: 'unreadable', message: 'permission denied' };
    case 'EISDIR':
      return { code: 'unreadable', message: 'is a folder' };
    case 'ELOOP':
      return { code: 'unreadable', message: 'too many symbolic links' };
    default:
      return { code: 'unreadable', message: code ? `cannot be read (${code})` : 'cannot be read' };
  }
}
