import { defineModule } from '../../app/nav';

export default defineModule({
  id: 'imports',
  navLabelKey: 'imports.nav',
  order: 100,
  nav: { path: 'imports', permission: 'imports.run' },
  routes: [
    { path: 'imports', titleKey: 'imports.title', permission: 'imports.run', load: () => import('./import-view') },
  ],
});
