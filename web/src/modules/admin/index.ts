import { defineModule } from '../../app/nav';

export default defineModule({
  id: 'admin',
  navLabelKey: 'admin.nav',
  order: 900,
  nav: { path: 'admin/users', permission: 'users.manage' },
  routes: [
    { path: 'admin', titleKey: 'admin.users.title', permission: 'users.manage', load: () => import('./users-view') },
    { path: 'admin/users', titleKey: 'admin.users.title', permission: 'users.manage', load: () => import('./users-view') },
  ],
});
