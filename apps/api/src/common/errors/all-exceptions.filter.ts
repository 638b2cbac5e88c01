import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/static';
import { toErrorBody } from './error-body.js';

/**
 * The one place where errors become responses. A GET that found no route outside /api gets the
 * web app's index.html, so that deep links into the single-page app work.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  constructor(private readonly serveSpa: boolean) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const mapped = toErrorBody(exception, request.id);

    if (this.serveSpa && mapped.body.statusCode === 404 && request.method === 'GET' && !isApiPath(request.url)) {
      void reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
      return;
    }
    if (mapped.unexpected) {
      // reqId: a field of its own in the JSON log, the same name Fastify's request logs use
      this.logger.error(`${request.method} ${request.url} [${request.id}]`, { reqId: request.id, stack: exception instanceof Error ? exception.stack : String(exception) });
    }
    if (mapped.headers) void reply.headers(mapped.headers);
    void reply.status(mapped.body.statusCode).type('application/json; charset=utf-8').send(mapped.body);
  }
}

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}
