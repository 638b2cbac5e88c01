import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type ApiKeyScope, type Capability, CAPABILITIES, ROLE_LABELS } from '@zhaoshang/shared/domain';

export const ACCESS_RULE = 'zs:access';

/** swagger keeps a route's operation (summary, description) under this key */
const SWAGGER_OPERATION = 'swagger/apiOperation';

/**
 * Adds who may call the route to its OpenAPI description, keeping a summary and description an
 * `@ApiOperation` below `@Access` has set (a plain ApiOperation here would replace them).
 */
function describeAccess(note: string): MethodDecorator & ClassDecorator {
  return (_target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (!descriptor) return; // on a class: its routes say it themselves
    const previous = (Reflect.getMetadata(SWAGGER_OPERATION, descriptor.value as object) ?? {}) as { summary?: string; description?: string };
    const description = previous.description ? `${previous.description}。${note}` : note;
    Reflect.defineMetadata(SWAGGER_OPERATION, { summary: '', ...previous, description }, descriptor.value as object);
  };
}

/** Kinds of records whose region the guard can look up by id; each is registered by its module. */
export type RegionResolverName = 'project' | 'projectIssue' | 'notice' | 'commitment';

/**
 * Where a request names the region whose data it changes: the region code itself, or (with
 * `resolve`) the id of a record whose region the guard looks up before deciding.
 */
export interface RegionSource {
  in: 'params' | 'query' | 'body';
  field: string;
  resolve?: RegionResolverName;
}

export interface AccessRule {
  /** the capability a signed-in user needs; null when no person may call it (API keys only) */
  capability: Capability | null;
  /** API keys holding any of these scopes may call it too */
  scopes?: readonly ApiKeyScope[];
  /** the request changes data of this region: district staff may only name their own */
  region?: RegionSource;
}

export type AccessDeclaration = AccessRule | 'public';

/**
 * Who may call a route. Every route declares it (a test walks the route table to make sure);
 * the global AccessGuard enforces it.
 */
export function Access(rule: AccessRule): MethodDecorator & ClassDecorator {
  const roles = rule.capability ? CAPABILITIES[rule.capability].map((r) => ROLE_LABELS[r]).join('、') : '无';
  const scopes = rule.scopes?.length ? rule.scopes.join('、') : '不可用';
  return applyDecorators(
    SetMetadata(ACCESS_RULE, rule),
    ApiBearerAuth(),
    ...(rule.scopes?.length ? [ApiSecurity('api-key')] : []),
    describeAccess(`可用角色：${roles}；API 密钥权限范围：${scopes}${rule.region ? '；旗县人员仅限本地区' : ''}`),
    ApiUnauthorizedResponse({ description: '未登录、登录已过期或 API 密钥无效' }),
    ApiForbiddenResponse({ description: '无权执行此操作' }),
  );
}

/** A route anyone may call, such as sign-in and the health check. */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(ACCESS_RULE, 'public' satisfies AccessDeclaration);
}
