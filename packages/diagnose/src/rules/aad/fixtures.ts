import type { Fixture } from '../../rule-kit/fixture';
import { assertionFixtures } from './fixtures-assertion';
import { credentialFixtures } from './fixtures-credentials';
import { directoryFixtures, lookAlikeFixtures } from './fixtures-directory';
import { federationFixtures } from './fixtures-federation';
import { aksFixtures } from './fixtures-aks';
import { gitlabFixtures } from './fixtures-gitlab';
import { referenceFixtures } from './fixtures-reference';

/** Every literal text of the family, each with its public source (split by theme to stay readable). */
export const fixtures: readonly Fixture[] = [...federationFixtures, ...gitlabFixtures, ...aksFixtures, ...assertionFixtures, ...credentialFixtures, ...directoryFixtures, ...referenceFixtures, ...lookAlikeFixtures];
