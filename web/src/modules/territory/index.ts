import { defineModule } from '../../app/nav';

export default defineModule({
  id: 'territory',
  navLabelKey: 'territory.nav',
  order: 90,
  nav: { path: 'territory', permission: 'pole.read' },
  routes: [
    { path: 'territory', titleKey: 'territory.search.title', permission: 'pole.read', load: () => import('./search-view') },
    { path: 'territory/communes/:code', titleKey: 'territory.commune.title', permission: 'pole.read', load: () => import('./commune-view') },
    { path: 'territory/epci/:code', titleKey: 'territory.epci.title', permission: 'pole.read', load: () => import('./epci-view') },
  ],
});
