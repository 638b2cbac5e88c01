import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { TestApp } from './support/test-app.js';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** the bytes as they came over the wire (still compressed, if they were) */
  body: Buffer;
}

/** A GET whose Accept-Encoding is exactly the one given, answered with the raw bytes: fetch would ask for and undo compression itself. */
function get(baseUrl: string, path: string, acceptEncoding: string | null, token?: string): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const headers: Record<string, string> = {};
    if (acceptEncoding !== null) headers['accept-encoding'] = acceptEncoding;
    if (token) headers['authorization'] = `Bearer ${token}`;
    const req = httpRequest(`${baseUrl}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

function decoded(response: RawResponse): Buffer {
  switch (response.headers['content-encoding']) {
    case 'br':
      return brotliDecompressSync(response.body);
    case 'gzip':
      return gunzipSync(response.body);
    default:
      return response.body;
  }
}

const HASHED_JS = 'chunk-AB12CD34.js';
// a script of realistic shape: ~60 kB, compressible as minified code is
const SCRIPT = Array.from({ length: 1500 }, (_, i) => `export function f${i}(a,b){return a*${i}+b-"驾驶舱${i % 7}".length}`).join(';\n');
const INDEX = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>招商项目全流程跟踪</title>${Array.from({ length: 40 }, (_, i) => `<link rel="modulepreload" href="chunk-${String(i).padStart(8, '0')}.js">`).join('')}</head><body><zs-root></zs-root><script src="${HASHED_JS}" type="module"></script></body></html>`;

describe('web delivery: compression and caching (issue 13)', () => {
  let t: TestApp;
  let webDir: string;
  let leader: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'zs-web-'));
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, HASHED_JS), SCRIPT);
    writeFileSync(join(webDir, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
    writeFileSync(join(webDir, 'code-cache.html'), '<!doctype html><script src="code-cache.js"></script>');
    // the post-build step of `nx run web:build`, as the build runs it
    execFileSync(process.execPath, [resolve(__dirname, '../../../tools/scripts/compress-web.mjs'), webDir]);
    t = await TestApp.start({ webDir });
    leader = (await t.userToken('LEADER')).token;
  });
  afterAll(async () => {
    await t?.stop();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  });

  it('writes .br and .gz beside the text files of the build, not beside tiny ones', () => {
    expect(brotliDecompressSync(readFileSync(join(webDir, `${HASHED_JS}.br`))).toString()).toBe(SCRIPT);
    expect(gunzipSync(readFileSync(join(webDir, `${HASHED_JS}.gz`))).toString()).toBe(SCRIPT);
    expect(() => readFileSync(join(webDir, 'robots.txt.br'))).toThrow();
  });

  it('serves a hashed script precompressed (brotli, else gzip, else as is), cached for a year', async () => {
    const br = await get(t.baseUrl, `/${HASHED_JS}`, 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    // the file written after the build, byte for byte: no CPU spent on it per request
    expect(br.body.equals(readFileSync(join(webDir, `${HASHED_JS}.br`)))).toBe(true);
    expect(decoded(br).toString()).toBe(SCRIPT);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // the security headers travel with compressed answers too
    expect(br.headers['content-security-policy']).toContain("script-src 'self'");

    const gzip = await get(t.baseUrl, `/${HASHED_JS}`, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzip).toString()).toBe(SCRIPT);
    expect(gzip.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const plain = await get(t.baseUrl, `/${HASHED_JS}`, null);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('has index.html revalidated on every visit, at / and on a deep link, compressed', async () => {
    for (const path of ['/', '/dashboard?from=2026-01&to=2026-11']) {
      const response = await get(t.baseUrl, path, 'gzip, deflate, br');
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-encoding']).toBe('br');
      expect(decoded(response).toString()).toBe(INDEX);
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    }
    const other = await get(t.baseUrl, '/robots.txt', 'br');
    expect(other.headers['cache-control']).toBe('no-cache');
    expect(other.body.toString()).toContain('User-agent');
  });

  it('lets only the app’s own pages frame code-cache.html; every other page may not be framed at all', async () => {
    const page = await get(t.baseUrl, '/code-cache.html', null);
    expect(page.status).toBe(200);
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(page.headers['content-security-policy']).not.toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    for (const path of ['/', '/dashboard', `/${HASHED_JS}`, '/code-cache.html/x', '/code-cache.htm', '/api/health']) {
      const response = await get(t.baseUrl, path, null);
      expect({ path, frame: response.headers['x-frame-options'] }).toEqual({ path, frame: 'DENY' });
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });

  it('compresses JSON of 1 KB and more, as the browser asks, and leaves small answers alone', async () => {
    const plain = await get(t.baseUrl, '/api/openapi.json', null);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(10_000);
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ]) {
      const response = await get(t.baseUrl, '/api/openapi.json', accept);
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers['vary']).toMatch(/accept-encoding/i);
      expect(response.body.length).toBeLessThan(plain.body.length / 3);
      expect(JSON.parse(decoded(response).toString())).toEqual(JSON.parse(plain.body.toString()));
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
    const small = await get(t.baseUrl, '/api/health', 'gzip, deflate, br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toEqual({ status: 'ok', database: 'up' });
  });

  it('sends an .xlsx download as it is, even to a browser that accepts brotli: intact and not compressed twice', async () => {
    const response = await get(t.baseUrl, '/api/v1/dispatch-table?month=2025-06', 'gzip, deflate, br', leader);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['content-disposition']).toContain('attachment');
    expect(response.body.subarray(0, 2).toString()).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as ExcelJS.Buffer);
    expect(workbook.getWorksheet('月调度表')).toBeDefined();
  });
});
