import type { TestProject } from 'vitest/node';
import { startAppServer, type AppServer } from './support/server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: AppServer | undefined;

/**
 * Builds the app once and serves it for every e2e file.
 * E2E_APP_ROOT points the server at another folder holding an index.html
 * (used to check the test setup itself without the real app).
 */
export async function setup(project: TestProject): Promise<void> {
  const root = process.env.E2E_APP_ROOT || undefined;
  server = await startAppServer(root ? { root } : {});
  project.provide('baseUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.close();
  server = undefined;
}
