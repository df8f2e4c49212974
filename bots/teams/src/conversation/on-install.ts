import { welcomeCard } from '../cards/welcome-card';
import type { Scope } from './scope';
import { refusal, tenantAllowed } from './tenants';
import type { ConversationDeps, Reply } from './types';

/** The bot was added to a chat or team: welcome it, unless the tenant is not allowed. */
export function onInstalled(tenantId: string | undefined, scope: Scope, deps: ConversationDeps): Reply[] {
  if (!tenantAllowed(tenantId, deps.allowedTenants)) return [{ kind: 'text', text: refusal(tenantId) }];
  return [{ kind: 'card', card: welcomeCard(deps.liveCheck !== undefined, scope), summary: 'Welcome to kvdoctor' }];
}
