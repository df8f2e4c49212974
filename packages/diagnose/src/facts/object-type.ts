import type { ObjectType } from '../report/schema';

// Messages name the kind in the singular ("A secret with (name/id)", "Deleted Key not found"),
// request paths and resource ids in the plural (/secrets/, /keys/); case varies by client.
const TYPES: ReadonlyMap<string, ObjectType> = new Map([
  ['secret', 'secret'],
  ['secrets', 'secret'],
  ['key', 'key'],
  ['keys', 'key'],
  ['certificate', 'certificate'],
  ['certificates', 'certificate'],
  ['storage', 'storage'],
]);

/** The object type a word names ("Secret", "keys", "certificates"), or undefined for any other word. */
export function objectTypeOf(word: string | undefined): ObjectType | undefined {
  return word === undefined ? undefined : TYPES.get(word.toLowerCase());
}
