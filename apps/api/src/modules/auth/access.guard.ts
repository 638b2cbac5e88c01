import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ACCESS_RULE, type AccessDeclaration, type AccessRule } from '../../common/access/access.decorator.js';
import type { ApiKeyActor, UserActor } from '../../common/access/actor.js';
import { decideAccess, needsRegionLookup, regionSourceValue, Unauthenticated } from '../../common/access/decide-access.js';
import { RegionResolvers } from '../../common/access/region-resolvers.js';
import { Forbidden } from '../../common/errors/app.exception.js';
import { ApiKeysService } from '../api-keys/api-keys.service.js';
import { AuthService } from './auth.service.js';

/**
 * The one guard in front of every route: it identifies the caller (bearer token or X-Api-Key)
 * and applies the route's declared access rule. A route without a declaration is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly apiKeys: ApiKeysService,
    private readonly regionResolvers: RegionResolvers,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const declaration = this.reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (declaration === 'public') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!declaration) {
      this.logger.error(`路由未声明访问规则：${request.method} ${request.url}`);
      throw new Forbidden('此接口未声明访问规则，已拒绝');
    }
    const apiKey = request.headers['x-api-key'];
    const authorization = request.headers.authorization;
    if (typeof apiKey === 'string' && apiKey !== '') {
      const key = await this.apiKeys.authenticate(apiKey);
      if (!key) throw new Unauthenticated('API 密钥无效或已被吊销');
      // issue 16: every answer to a key carries its budget; past it, 429 with Retry-After (throws)
      void context.switchToHttp().getResponse<FastifyReply>().headers(this.apiKeys.budgetHeaders(key));
      request.actor = { kind: 'apiKey', id: key.id, name: key.name, scopes: key.scopes, requestId: request.id };
    } else if (authorization?.startsWith('Bearer ')) {
      request.actor = await this.auth.authenticate(authorization.slice('Bearer '.length).trim(), request.id);
    } else {
      throw new Unauthenticated();
    }
    decideAccess(declaration, request.actor, request, await this.resolveRegion(declaration, request.actor, request));
    return true;
  }

  /** For a rule naming a record by id: that record's region (null when it does not exist). */
  private async resolveRegion(rule: AccessRule, actor: UserActor | ApiKeyActor, request: FastifyRequest): Promise<string | null | undefined> {
    if (!rule.region?.resolve || !needsRegionLookup(rule, actor)) return undefined;
    const id = regionSourceValue(rule, request);
    return typeof id === 'string' ? this.regionResolvers.resolve(rule.region.resolve, id) : null;
  }
}
