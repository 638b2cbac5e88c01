import { RequestMethod, VERSION_NEUTRAL } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, VERSION_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ACCESS_RULE, type AccessDeclaration } from '../../src/common/access/access.decorator.js';

export interface RouteEntry {
  method: string;
  /** as registered, e.g. /api/v1/users/:id */
  path: string;
  controller: string;
  handler: string;
  access: AccessDeclaration | undefined;
}

const join = (...parts: (string | undefined)[]) =>
  '/' +
  parts
    .flatMap((p) => (p ?? '').split('/'))
    .filter(Boolean)
    .join('/');

/** Every route the app's controllers declare, with its access declaration, read from Nest's metadata. */
export function routeTable(app: NestFastifyApplication): RouteEntry[] {
  const reflector = app.get(Reflector);
  const routes: RouteEntry[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => object) | null;
      if (!controller) continue;
      const basePath = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
      const version = Reflect.getMetadata(VERSION_METADATA, controller) as string | symbol | undefined;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string;
        const versionPart = version === undefined || version === VERSION_NEUTRAL ? undefined : `v${String(version)}`;
        routes.push({
          method: RequestMethod[method],
          path: join('api', versionPart, basePath, path),
          controller: controller.name,
          handler: name,
          access: reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_RULE, [handler as () => void, controller]),
        });
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** Paths Fastify actually serves under /api, apart from the OpenAPI document and Swagger UI. */
export function registeredApiRoutes(app: NestFastifyApplication): string[] {
  const fastify = app.getHttpAdapter().getInstance();
  const printed = fastify.printRoutes({ commonPrefix: false, includeHooks: false, includeMeta: false });
  const found = new Set<string>();
  // printRoutes draws a tree: each level indents by four characters and adds its segment to the parent's
  const stack: string[] = [];
  for (const line of printed.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+) \(([A-Z, ]+)\)/u.exec(line);
    if (!match) continue;
    const [, indent, segment, methods] = match;
    const depth = [...indent].length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + segment;
    stack[depth] = path;
    if (!path.startsWith('/api') || path.startsWith('/api/docs') || path === '/api/openapi.json') continue;
    for (const method of methods.split(',').map((m) => m.trim())) {
      if (method !== 'HEAD') found.add(`${method} ${path}`);
    }
  }
  return [...found].sort();
}

/** A concrete URL for a route pattern: parameters filled with values of the right shape. */
export function concretePath(path: string): string {
  return path.replace(/:id\b/g, '00000000-0000-4000-8000-000000000000').replace(/:code\b/g, 'NE').replace(/:(\w+)/g, 'x');
}
