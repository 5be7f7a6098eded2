import { defineModule } from '../../app/nav';

export default defineModule({
  id: 'commons',
  navLabelKey: 'commons.nav',
  order: 60,
  nav: { path: 'commons', permission: 'commons.read' },
  routes: [
    { path: 'commons', titleKey: 'commons.list.title', permission: 'commons.read', load: () => import('./list-view') },
    { path: 'commons/:id', titleKey: 'commons.detail.title', permission: 'commons.read', load: () => import('./detail-view') },
  ],
});
