import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

// The API that `npm run dev` proxies to: a `rapport serve` on its default port unless told otherwise.
const api = process.env.RAPPORT_API_URL ?? 'http://localhost:4000'

export default defineConfig({
  plugins: [react()],
  // /widget: the chat widget's script and endpoints, which the chat widget page's live preview loads.
  server: { proxy: { '/api': api, '/docs': api, '/health': api, '/widget': api } },
  build: {
    outDir: 'dist',
    // Vite's preload polyfill is bundled, not inlined, so the CSP can forbid inline scripts.
    modulePreload: { polyfill: true },
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
})
