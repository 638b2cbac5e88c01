// Generates the typed TypeScript client of the API (libs/api-client) from its OpenAPI document, with
// @hey-api/openapi-ts (fetch client, types and one function per operation).
//   npm run api:client                     regenerates libs/api-client (builds the API first)
//   node tools/scripts/api-client.mjs --document <openapi.json> --root <dir>
//                                          from a given document into another directory (the staleness test)
// The document is built without a database or a listening server (Nest in preview mode; see
// apps/api/src/bootstrap/openapi.ts), from the built API in dist/apps/api.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createClient } from '@hey-api/openapi-ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const libRoot = resolve(arg('--root') ?? join(root, 'libs/api-client'));

async function buildDocument() {
  const built = join(root, 'dist/apps/api/apps/api/src');
  if (!existsSync(join(built, 'bootstrap/openapi.js'))) {
    console.error('找不到构建好的 API（dist/apps/api）：请用 npm run api:client，它会先构建 API');
    process.exit(2);
  }
  const { createOpenApiDocument } = await import(pathToFileURL(join(built, 'bootstrap/openapi.js')).href);
  const { loadConfig } = await import(pathToFileURL(join(built, 'config/config.js')).href);
  return createOpenApiDocument(loadConfig({ LOG_LEVEL: 'error', WEB_DIR: 'none', DATA_DIR: join(root, '.data') }));
}

const documentPath = arg('--document');
const document = documentPath ? JSON.parse(readFileSync(documentPath, 'utf8')) : await buildDocument();
mkdirSync(libRoot, { recursive: true });
// committed beside the client: what it was generated from, and what the other side may read without a server
writeFileSync(join(libRoot, 'openapi.json'), JSON.stringify(document, null, 2) + '\n');

await createClient({
  input: join(libRoot, 'openapi.json'),
  output: { path: join(libRoot, 'src/generated'), format: false, lint: false, clean: true, tsConfigPath: join(root, 'libs/api-client/tsconfig.lib.json') },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
  logs: { level: 'silent' },
});
console.log(`API 客户端已生成：${relative(root, libRoot)}（${Object.keys(document.paths).length} 个路径）`);
