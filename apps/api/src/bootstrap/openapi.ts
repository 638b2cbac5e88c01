import { type INestApplication, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, getSchemaPath, type OpenAPIObject, type OperationObject, type PathItemObject, type ReferenceObject, type ResponseObject, type SchemaObject, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from '../app.module.js';
import { DOMAIN_SCHEMAS } from '../common/openapi/domain-schemas.generated.js';
import { ApiErrorDetailResponse, ApiErrorResponse } from '../common/openapi/error-body.dto.js';
import type { AppConfig } from '../config/config.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** What an error answer of any operation looks like: the one shared schema (DOMAIN.md §8). */
function errorResponse(description: string): ResponseObject {
  return { description, content: { 'application/json': { schema: { $ref: getSchemaPath(ApiErrorResponse) } } } };
}

/**
 * Every operation's error answers carry the shared error schema: the ones a controller or `@Access`
 * declared (which say only a description), 400 for an operation that takes parameters or a body
 * (the validation pipe answers it for every such route), and `default` for what any route can answer
 * (503 while the database is out of reach, 500). Done here once rather than on ~150 handlers, so that
 * a route added later gets it too; the OpenAPI test checks the result.
 */
function addErrorResponses(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths) as PathItemObject[]) {
    for (const method of METHODS) {
      const operation = item[method] as OperationObject | undefined;
      if (!operation) continue;
      const responses = operation.responses;
      for (const [status, response] of Object.entries(responses) as [string, ResponseObject | ReferenceObject][]) {
        const code = Number(status);
        if (code >= 400 && !('$ref' in response) && !response.content) {
          responses[status] = errorResponse(response.description);
        }
      }
      if (!responses['400'] && ((operation.parameters?.length ?? 0) > 0 || operation.requestBody)) {
        responses['400'] = errorResponse('请求参数有误（VALIDATION_FAILED，逐字段见 details）或请求格式有误 / invalid parameters or malformed request');
      }
      if (operation.security?.some((requirement) => 'api-key' in requirement)) addRateLimitResponse(responses);
      responses['default'] ??= errorResponse('其他错误，同一结构：如 503 数据库暂时无法连接（带 Retry-After）、500 服务器内部错误 / any other error, same shape');
    }
  }
}

const integerHeader = (description: string) => ({ description, schema: { type: 'integer' as const } });

/**
 * An operation an API key may call: its budget per minute (DOMAIN.md §10, set per key on the API keys
 * page) answers 429 with Retry-After once spent, and every answer to a key says where it stands.
 */
function addRateLimitResponse(responses: OperationObject['responses']): void {
  responses['429'] ??= {
    ...errorResponse('RATE_LIMITED：该 API 密钥本分钟的请求次数已用完，Retry-After 秒后再试 / the key’s requests per minute are spent; retry after Retry-After seconds'),
    headers: {
      'Retry-After': integerHeader('几秒后本分钟窗口结束 / seconds until the window frees'),
      'RateLimit-Limit': integerHeader('该密钥每分钟可用的请求数 / requests per minute of the key'),
      'RateLimit-Remaining': integerHeader('本分钟还可用的请求数 / requests left in this minute'),
      'RateLimit-Reset': integerHeader('几秒后重新计数 / seconds until the count starts again'),
    },
  };
}

/**
 * The schemas of libs/shared/domain types that `@ApiDomainResponse` refers to. A name that a DTO class
 * already gave a schema to would make one of the two wrong: refused, so that it is renamed.
 */
function addDomainSchemas(document: OpenAPIObject): void {
  const schemas = (document.components ??= {}).schemas ??= {};
  for (const [name, schema] of Object.entries(DOMAIN_SCHEMAS) as [string, SchemaObject][]) {
    if (schemas[name]) throw new Error(`OpenAPI：schema ${name} 同时来自 DTO 类与 libs/shared/domain，请改名其一`);
    schemas[name] = schema;
  }
}

/** The API's OpenAPI document, from the controllers' and DTOs' decorators of an app set up like createApp's. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('招商项目全流程跟踪 API')
      .setDescription(
        [
          '招商引资项目、月报、指标与统计接口。以用户身份调用：先 POST /api/v1/auth/login 取得令牌；系统对接：使用管理员创建的 API 密钥（X-Api-Key 头）。所有错误都以同一结构（ApiErrorResponse）回答；金额为十进制字符串（单位：万元）。',
          '',
          'Investment promotion projects, monthly reports, indicators and statistics. As a person: POST /api/v1/auth/login for a token; as a system: an API key created by an administrator, in the X-Api-Key header. Every error has one shape (ApiErrorResponse); money is a decimal string (unit: 10,000 yuan). See docs/integration.md.',
        ].join('\n'),
      )
      .setVersion('1')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'api-key')
      .build(),
    {
      extraModels: [ApiErrorResponse, ApiErrorDetailResponse],
      // `projectsFeed` rather than `ProjectsController_feed_v1`: the generated client's function names
      operationIdFactory: (controller, method) => `${controller.charAt(0).toLowerCase()}${controller.slice(1).replace(/Controller$/, '')}${method.charAt(0).toUpperCase()}${method.slice(1)}`,
    },
  );
  addDomainSchemas(document);
  addErrorResponses(document);
  return document;
}

/**
 * The document without a database or a listening server: Nest in preview mode declares the modules and
 * controllers but instantiates no provider (so TypeORM connects nowhere). `npm run api:client` and the
 * client's staleness test build it this way, in a few seconds.
 */
export async function createOpenApiDocument(config: AppConfig): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, 'postgres://openapi@127.0.0.1:1/none'), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    // the same prefix and versioning as createApp, so that the paths are the served ones
    app.setGlobalPrefix('api');
    app.enableVersioning({ type: VersioningType.URI });
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
