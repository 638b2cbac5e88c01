import { can, canEditRegion } from '@zhaoshang/shared/domain';
import { AppException, Forbidden } from '../errors/app.exception.js';
import type { ApiKeyActor, UserActor } from './actor.js';
import type { AccessRule } from './access.decorator.js';

export interface RequestParts {
  params: unknown;
  query: unknown;
  body: unknown;
}

/**
 * Whether an identified caller may make this request; throws the error to answer otherwise.
 * Pure: the guard identifies the caller, this decides.
 */
export function decideAccess(rule: AccessRule, actor: UserActor | ApiKeyActor, request: RequestParts): void {
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
    const value = (request[rule.region.in] as Record<string, unknown> | undefined)?.[rule.region.field];
    // a missing or malformed region is the validation's to report; access is decided on what is named
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
