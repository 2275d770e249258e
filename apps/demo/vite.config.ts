import { defineConfig } from 'vite';
import { demoViteConfig } from './src/devServer/demoViteConfig';

export { contentSecurityPolicy } from './src/devServer/demoViteConfig';

// `pnpm demo`: the configuration is shared with the browser tests and `kizuna preview`.
export default defineConfig(demoViteConfig());
