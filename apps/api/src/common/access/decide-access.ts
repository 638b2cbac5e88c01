import { can, canEditRegion } from '@zhaoshang/shared/domain';
import { AppException, Forbidden } from '../errors/app.exception.js';
import type { ApiKeyActor, UserActor } from './actor.js';
import type { AccessRule } from './access.decorator.js';

export interface RequestParts {
  params: unknown;
  query: unknown;
  body: unknown;
}

/** The raw value a region rule points at in the request (a region code, or a record's id to resolve). */
export function regionSourceValue(rule: AccessRule, request: RequestParts): unknown {
  return rule.region ? (request[rule.region.in] as Record<string, unknown> | undefined)?.[rule.region.field] : undefined;
}

/** Whether the guard must look a record's region up before it can decide (only for people who may call the route at all). */
export function needsRegionLookup(rule: AccessRule, actor: UserActor | ApiKeyActor): boolean {
  return rule.region?.resolve !== undefined && actor.kind === 'user' && rule.capability !== null && can(actor.role, rule.capability);
}

/**
 * Whether an identified caller may make this request; throws the error to answer otherwise.
 * Pure: the guard identifies the caller (and, for a rule with `region.resolve`, looks up the
 * record's region: `resolvedRegion`, null when there is no such record), this decides.
 */
export function decideAccess(rule: AccessRule, actor: UserActor | ApiKeyActor, request: RequestParts, resolvedRegion?: string | null): void {
  if (actor.kind === 'apiKey') {
    const scopes = rule.scopes ?? [];
    if (scopes.length === 0) throw new Forbidden('此接口不接受 API 密钥，请以用户身份登录');
    if (!scopes.some((scope) => actor.scopes.includes(scope))) {
      throw new Forbidden(`API 密钥缺少权限范围：需要 ${scopes.join(' 或 ')}`);
    }
    return;
  }
  if (rule.capability === null || !can(actor.role, rule.capability)) throw new Forbidden();
  if (rule.region) {
    const value = rule.region.resolve ? resolvedRegion : regionSourceValue(rule, request);
    // a missing or malformed region, or a record that does not exist, is the handler's to report
    // (400 or 404); access is decided on what is named
    if (typeof value === 'string' && !canEditRegion(actor, value)) {
      throw new Forbidden('旗县招商人员只能修改本地区的数据');
    }
  }
}

export class Unauthenticated extends AppException {
  constructor(message = '请先登录', code: 'UNAUTHENTICATED' | 'SESSION_EXPIRED' | 'ACCOUNT_DISABLED' = 'UNAUTHENTICATED') {
    super(401, code, message);
  }
}
