import { z } from 'zod';

/** Tenant, subscription and object ids: only a GUID may reach an allow-list check or an OData filter. */
export const GuidSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
