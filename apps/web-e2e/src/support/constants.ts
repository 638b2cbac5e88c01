/** E2E_PORT in the environment: several runs side by side (each its own API and embedded PostgreSQL) */
export const E2E_PORT = Number(process.env['E2E_PORT'] ?? 4310);
export const ADMIN_PASSWORD = 'E2e#Chief2026';
/** where the screenshots people look at are kept */
export const SCREENSHOT_DIR = 'dist/e2e/screenshots';
