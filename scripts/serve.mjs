// Serves the built dist/ as a production server would (docs/deploy/ has nginx and Apache
// equivalents): the precompressed .br/.gz copies where the browser takes them, hashed assets
// cached for a year, index.html, sw.js and the data revalidated, and the strict CSP.
// Used by scripts/serve.sh; PORT and HOST choose where.
import { serveDist } from '../tests/e2e/site.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; frame-ancestors *";
const port = Number(process.env.PORT || 8080);
const host = process.env.HOST || '127.0.0.1';
const server = await serveDist({ port, host, headers: { 'content-security-policy': CSP } });
console.log(`[serve] the dashboard is at ${server.url} (Ctrl-C to stop)`);
