export { seedLocalWorkspace, type SeededWorkspace } from './local-workspace.js';
