import { ConsoleLogger, Logger, type LogLevel as NestLogLevel, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { AppModule } from '../app.module.js';
import { installTestClock } from '../common/clock/test-clock.js';
import { AllExceptionsFilter } from '../common/errors/all-exceptions.filter.js';
import { ValidationFailed } from '../common/errors/app.exception.js';
import { createValidationPipe } from '../common/validation/validation.pipe.js';
import { requestShapeProblems } from '../common/validation/request-shape.js';
import type { AppConfig, LogLevel } from '../config/config.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { PublicationsService } from '../modules/publications/publications.service.js';
import { ensureDemoProjects } from './demo-data.js';
import { ensureInitialUsers, type InitialUsersResult } from './initial-users.js';
import { buildOpenApiDocument } from './openapi.js';
import { registerCompression, serveWebApp } from './web-delivery.js';

const NEST_LEVELS: Record<LogLevel, NestLogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** Held (session-level) during a start's setup, so that several processes starting on one database migrate once. */
const SETUP_LOCK = 7301000;

/**
 * Nest's own log lines: one JSON object a line (level, pid, timestamp, message, context, and a
 * request's `reqId` where there is one, as in Fastify's request logs) on a server — NODE_ENV=production
 * or output not to a terminal (systemd, docker, a file) — and readable text on a terminal.
 */
export function createLogger(config: AppConfig, stdoutIsTty = process.stdout.isTTY === true): ConsoleLogger {
  const json = config.production || !stdoutIsTty;
  return new ConsoleLogger({ logLevels: NEST_LEVELS[config.logLevel], json, colors: !json, flattenParams: json });
}

export interface CreatedApp {
  app: NestFastifyApplication;
  initialUsers: InitialUsersResult;
  /** projects of the demo data set loaded now (SEED_DEMO on a database without projects) */
  demoProjects: number;
}

/**
 * On every answer, the web app's pages included (issue 12): no MIME sniffing, no framing (also as CSP
 * frame-ancestors), no referrer beyond the origin, HTTPS remembered once served over it, plugins
 * and foreign form targets refused. A CSP restricting scripts and styles is left for when the web
 * app's inline critical-CSS loader and Swagger UI are checked under it in Chromium.
 */
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'strict-transport-security': 'max-age=31536000',
  'cross-origin-opener-policy': 'same-origin',
  /*
   * Scripts only from our own origin, never inline (the web build's critical-CSS onload handler is
   * turned off in apps/web/project.json; Swagger UI's page loads its three scripts from files).
   * Styles also inline: Angular and ng-zorro insert <style> elements, and ng-zorro, ECharts and Swagger
   * UI write style attributes. Images also data: and blob: (Swagger UI's icons in its CSS, a chart saved
   * as a picture). Checked in Chromium by apps/web-e2e/src/security-headers.spec.ts.
   */
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
    "form-action 'self'",
  ].join('; '),
} as const;

/**
 * The one page the web app frames itself (apps/web/public/code-cache.html, in a hidden frame: the
 * scripts run once more so that the browser keeps their compiled code, issue 13). It has nothing to
 * see or click; only the app's own pages may frame it.
 */
const SAME_ORIGIN_FRAME_PATH = '/code-cache.html';
const SAME_ORIGIN_FRAME_HEADERS = {
  'x-frame-options': 'SAMEORIGIN',
  'content-security-policy': SECURITY_HEADERS['content-security-policy'].replace("frame-ancestors 'none'", "frame-ancestors 'self'"),
} as const;

function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

/**
 * Builds the whole API as it runs in production: migrations applied, first users in place, every
 * global filter, pipe and guard. `main.ts` and the integration tests both start it from here.
 */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<CreatedApp> {
  const adapter = new FastifyAdapter({
    logger: config.logLevel === 'fatal' || config.logLevel === 'error' ? false : { level: config.logLevel },
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 2 * 1024 * 1024,
    // TRUST_PROXY: off by default, since trusting X-Forwarded-For from anyone would let a caller pick the
    // address the sign-in limiter counts; behind nginx set it to the proxy's address (docs/operations.md)
    // a number of hops is what proxy-addr does for a number, spelled out: Fastify's type leaves numbers out
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
  });
  adapter.getInstance().addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    void reply.headers(SECURITY_HEADERS);
    if (request.url.split('?')[0] === SAME_ORIGIN_FRAME_PATH) void reply.headers(SAME_ORIGIN_FRAME_HEADERS);
  });
  if (config.testClock) installTestClock(adapter.getInstance());
  // before any guard or handler sees the request: no NUL in any text, no absurd JSON nesting (issue 12)
  adapter.getInstance().addHook('preHandler', async (request) => {
    const problems = requestShapeProblems({ body: request.body, query: request.query, params: request.params });
    if (problems.length > 0) throw new ValidationFailed(problems, `请求内容有误：${problems[0].message}`);
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, databaseUrl), adapter, {
    logger: createLogger(config),
    abortOnError: false,
  });
  const serveSpa = config.webDir !== null && existsSync(join(config.webDir, 'index.html'));
  // before any route exists: the plugin hooks each route as it is added (issue 13)
  await registerCompression(app);
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(serveSpa));
  if (serveSpa && config.webDir) {
    await serveWebApp(app, config.webDir);
  } else if (config.webDir) {
    new Logger('Web').warn(`未找到前端构建产物 ${config.webDir}/index.html：只提供 API`);
  }
  setupOpenApi(app);

  const dataSource = app.get<DataSource>(getDataSourceToken());
  const { initialUsers, demoProjects } = await oneStarterAtATime(dataSource, async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    const users = await ensureInitialUsers(dataSource, app.get(AuditService), config);
    const projects = await ensureDemoProjects(dataSource, config);
    // closed months that have no published figures yet (the demo's, or closed before issue 11) get revision 1
    await app.get(PublicationsService).publishMissing();
    return { initialUsers: users, demoProjects: projects };
  });
  await app.init();
  return { app, initialUsers, demoProjects };
}

/**
 * The one-time setup of a start (migrations, first users, demo data, missing publications) done by one
 * starting process at a time: with WORKERS=N or several instances on one database, the others wait,
 * then find nothing left to do.
 */
async function oneStarterAtATime<T>(dataSource: DataSource, setup: () => Promise<T>): Promise<T> {
  // a session lock on a connection of its own: the setup runs on others and takes its own transactions
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK]);
    try {
      return await setup();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [SETUP_LOCK]).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}

function setupOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { useGlobalPrefix: true, jsonDocumentUrl: 'openapi.json', customSiteTitle: '招商项目 API 文档' });
}
