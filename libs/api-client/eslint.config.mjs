import baseConfig from '../../eslint.config.mjs';

// src/generated is written by @hey-api/openapi-ts (npm run api:client) and checked for staleness by
// apps/api/test/openapi.integration-spec.ts; it is type-checked with the lib but not held to our lint rules.
export default [...baseConfig, { ignores: ['src/generated/**'] }];
