import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { ReferenceObject } from '@nestjs/swagger';
import type { DOMAIN_SCHEMAS } from './domain-schemas.generated.js';

/** A type of libs/shared/domain whose JSON schema `npm run api:client` has generated into domain-schemas.generated.ts. */
export type DomainSchemaName = keyof typeof DOMAIN_SCHEMAS;

/**
 * Documents a route's success answer as a type of libs/shared/domain, the very interface the handler
 * returns (`Promise<NoticeDto>` → `@ApiDomainResponse('NoticeDto')`). The schema is generated from the
 * TypeScript interface by tools/scripts/openapi-schemas.mjs rather than copied into a DTO class by hand,
 * so that it cannot drift from the type: a test regenerates it and fails when the committed one differs.
 */
export function ApiDomainResponse(name: DomainSchemaName, options: { status?: number; description?: string; isArray?: boolean; example?: unknown } = {}): MethodDecorator {
  const ref = domainSchemaRef(name);
  return applyDecorators(
    ApiResponse({
      status: options.status ?? 200,
      description: options.description ?? '成功 / OK',
      schema: options.isArray ? { type: 'array', items: ref } : ref,
      ...(options.example === undefined ? {} : { example: options.example }),
    }),
  );
}

/** A reference to a libs/shared/domain type's generated schema, for a DTO property typed by it. */
export function domainSchemaRef(name: DomainSchemaName): ReferenceObject {
  return { $ref: getSchemaPath(name) };
}
