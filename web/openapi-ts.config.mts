import { defineConfig } from '@hey-api/openapi-ts';

// The web client's API types and calls, generated from the app's OpenAPI document
// (`npm run api:client`; CI regenerates and fails on any difference).
export default defineConfig({
  input: { path: './web/openapi.json' },
  output: { path: './web/src/generated', postProcess: ['prettier'] },
  plugins: ['@hey-api/typescript', '@hey-api/sdk', '@hey-api/client-fetch'],
});
