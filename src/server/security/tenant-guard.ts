// Tenancy from the key: a tenant key acts as its own tenant only. Before validation (so a zod
// default cannot hide an omitted field) a `tenant_id` naming another tenant in the body or query is
// 403, and an omitted one is filled with the key's tenant wherever the route accepts the field.
// Admin keys and auth-off callers pass untouched.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RiptideError } from '../../errors/riptide-error.js';
import { tenantScope } from './request-principal.js';

/** Whether a route's body or query schema has a `tenant_id` field. */
function acceptsTenant(schema: unknown): boolean {
  return schema instanceof z.ZodObject && 'tenant_id' in schema.shape;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scopeTenantField(target: unknown, schema: unknown, tenant: string): void {
  if (!isPlainObject(target)) return;
  if (target.tenant_id !== undefined) {
    if (target.tenant_id !== tenant) {
      throw new RiptideError('forbidden', `this key acts as tenant '${tenant}' only`);
    }
    return;
  }
  if (acceptsTenant(schema)) target.tenant_id = tenant;
}

export function enforceTenantFields(request: FastifyRequest): void {
  const tenant = tenantScope(request);
  if (tenant === null) return;
  const schema = request.routeOptions.schema;
  scopeTenantField(request.body, schema?.body, tenant);
  scopeTenantField(request.query, schema?.querystring, tenant);
}

export function installTenantGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => enforceTenantFields(request));
}
