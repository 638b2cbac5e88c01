import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ApiKeyScope, Role } from '@zhaoshang/shared/domain';
import type { FastifyRequest } from 'fastify';

export interface UserActor {
  kind: 'user';
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  requestId: string;
}

export interface ApiKeyActor {
  kind: 'apiKey';
  id: string;
  name: string;
  scopes: ApiKeyScope[];
  requestId: string;
}

export interface SystemActor {
  kind: 'system';
  requestId: null;
}

export type Actor = UserActor | ApiKeyActor | SystemActor;

export const SYSTEM_ACTOR: SystemActor = { kind: 'system', requestId: null };

declare module 'fastify' {
  interface FastifyRequest {
    actor?: UserActor | ApiKeyActor;
  }
}

/** The caller the access guard identified; only on routes that are not public. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): UserActor | ApiKeyActor => {
  const actor = context.switchToHttp().getRequest<FastifyRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without an access rule');
  return actor;
});

/** Like CurrentActor, for routes only people may call. */
export const CurrentUserActor = createParamDecorator((_data: unknown, context: ExecutionContext): UserActor => {
  const actor = context.switchToHttp().getRequest<FastifyRequest>().actor;
  if (actor?.kind !== 'user') throw new Error('CurrentUserActor used on a route open to API keys');
  return actor;
});
