import { defineModule } from '../../app/nav';

export default defineModule({
  id: 'actors',
  navLabelKey: 'actors.nav',
  order: 10,
  nav: { path: 'actors', permission: 'pole.read' },
  routes: [
    { path: 'actors', titleKey: 'actors.directory.title', permission: 'pole.read', load: () => import('./directory-view') },
    { path: 'actors/new', titleKey: 'actors.form.title_new', permission: 'actors.write', load: () => import('./form-view') },
    { path: 'actors/:id', titleKey: 'actors.detail.title', permission: 'pole.read', load: () => import('./detail-view') },
    { path: 'actors/:id/edit', titleKey: 'actors.form.title_edit', permission: 'actors.write', load: () => import('./form-view') },
  ],
});
