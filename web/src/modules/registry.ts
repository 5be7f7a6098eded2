// Discovers the modules: every src/modules/<id>/index.ts that default-exports an AppModule.
import type { AppModule } from '../app/nav';

const found = import.meta.glob<AppModule>('./*/index.ts', { eager: true, import: 'default' });

export const MODULE_ENTRIES: Array<{ folder: string; module: AppModule }> = Object.entries(found)
  .map(([path, module]) => ({ folder: path.split('/')[1], module }))
  .sort((a, b) => a.module.order - b.module.order);

export const MODULES: AppModule[] = MODULE_ENTRIES.map((e) => e.module);
