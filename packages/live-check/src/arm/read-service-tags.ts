import { z } from 'zod';
import type { Deadline } from '../deadline';
import type { Read } from '../outcome';
import { attempt } from './attempt';
import { type ArmSettings, networkClient } from './client';

/**
 * ARM's service-tags answer, as far as the compiler needs it. It is ServiceTags_Public.json's shape
 * except that ARM sends `changeNumber` as a string ("63"); the tags themselves are checked by
 * `compileServiceTags`, which names the first bad one.
 */
const ArmServiceTagsSchema = z.object({
  changeNumber: z.union([z.string().regex(/^\d{1,12}$/), z.number().int().nonnegative()]),
  cloud: z.string().min(1),
  values: z.array(z.unknown()),
  nextLink: z.string().nullish(),
});

/** The download's shape, ready for `compileServiceTags`. */
export interface ServiceTagsFile {
  readonly changeNumber: number;
  readonly cloud: string;
  readonly values: readonly unknown[];
}

/**
 * One GET of `/subscriptions/{s}/providers/Microsoft.Network/locations/{l}/serviceTags`. The
 * location only picks the version; the answer covers every region of the subscription's cloud.
 */
export async function readServiceTags(s: ArmSettings, subscriptionId: string, location: string, deadline: Deadline): Promise<Read<ServiceTagsFile>> {
  const read = await attempt(
    {
      what: `reading service tags (subscription ${subscriptionId}, location ${location})`,
      needs: `Reader on subscription ${subscriptionId} (Microsoft.Network/locations/serviceTags/read)`,
    },
    deadline,
    () => networkClient(s, subscriptionId).serviceTags.list(location, { abortSignal: deadline.signal }),
  );
  if (!read.ok) return read;
  // ARM has answered `{"nextLink": ""}` and nothing else (Azure/azure-cli#27349).
  if (read.value.values === undefined || read.value.values.length === 0) {
    return { ok: false, failure: { kind: 'not-supported', message: 'ARM answered with no service tags at all; try again later, or import a downloaded ServiceTags_Public.json instead' } };
  }
  const parsed = ArmServiceTagsSchema.safeParse(read.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, failure: { kind: 'not-supported', message: `ARM returned service tags this version cannot read (${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'})` } };
  }
  const { changeNumber, cloud, values, nextLink } = parsed.data;
  // serviceTags.list has no paging in the SDK: a partial list would call covered addresses unknown.
  if (nextLink) {
    return {
      ok: false,
      failure: { kind: 'not-supported', message: `ARM returned only the first ${values.length} service tags (the answer has a nextLink, which this version does not follow); import a downloaded ServiceTags_Public.json instead` },
    };
  }
  return { ok: true, value: { changeNumber: Number(changeNumber), cloud, values } };
}
