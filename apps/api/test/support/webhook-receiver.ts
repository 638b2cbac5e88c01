import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookPayload } from '@zhaoshang/shared/domain';
import { verifyWebhook } from '../../src/modules/webhooks/webhook-signature.js';

export interface Received {
  id: string;
  payload: WebhookPayload;
  at: number;
}

/**
 * A receiver as a statistics system would run one: a plain node http server on 127.0.0.1 that
 * checks every Standard Webhooks signature with the subscription's secret (a bad one is answered
 * 401 and counted), keeps what arrived, and can be taken down and brought back on the same port.
 */
export class WebhookReceiver {
  secret = '';
  readonly received: Received[] = [];
  badSignatures = 0;
  /** answer this status instead of 204 (a receiver that is up but failing) */
  failWith: number | null = null;
  /** wait this long before answering (a slow receiver) */
  delayMs = 0;
  private server: Server | null = null;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  /** Each message once, in the order of first arrival. */
  get unique(): Received[] {
    const seen = new Set<string>();
    return this.received.filter((r) => !seen.has(r.id) && seen.add(r.id));
  }

  get duplicates(): number {
    return this.received.length - this.unique.length;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Down: the port refuses connections until `start` again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async waitFor(predicate: (r: WebhookReceiver) => boolean, timeoutMs = 20_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!predicate(this)) {
      if (Date.now() > until) throw new Error(`receiver: condition not met in ${timeoutMs} ms; got ${this.unique.map((r) => r.payload.type).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = { id: String(req.headers['webhook-id'] ?? ''), timestamp: String(req.headers['webhook-timestamp'] ?? ''), signature: String(req.headers['webhook-signature'] ?? '') };
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (!verifyWebhook(this.secret, headers, body)) {
      this.badSignatures += 1;
      res.writeHead(401).end();
      return;
    }
    if (this.failWith !== null) {
      res.writeHead(this.failWith).end();
      return;
    }
    this.received.push({ id: headers.id, payload: JSON.parse(body) as WebhookPayload, at: Date.now() });
    res.writeHead(204).end();
  }
}
