export { createApiApp, type ApiAppOptions } from './app/api.app.js';
export type { ApiContext } from './app/api.context.js';
export { FIRST_ADMIN_KEY_SCOPES } from './usecases/create-workspace.usecase.js';
