import { defineModule } from '../../app/nav';

export default defineModule({
  id: 'dashboard',
  navLabelKey: 'dashboard.nav',
  order: 0,
  nav: { path: '', permission: 'pole.read' },
  routes: [
    { path: '', titleKey: 'dashboard.title', permission: 'pole.read', load: () => import('./dashboard-view') },
  ],
});
