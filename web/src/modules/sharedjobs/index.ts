import { defineModule } from '../../app/nav';

export default defineModule({
  id: 'sharedjobs',
  navLabelKey: 'sharedjobs.nav',
  order: 50,
  nav: { path: 'sharedjobs', permission: 'sharedjobs.read' },
  routes: [
    { path: 'sharedjobs', titleKey: 'sharedjobs.groups.title', permission: 'sharedjobs.read', load: () => import('./groups-view') },
    { path: 'sharedjobs/:group', titleKey: 'sharedjobs.plan.title', permission: 'sharedjobs.read', load: () => import('./plan-view') },
    { path: 'sharedjobs/:group/needs', titleKey: 'sharedjobs.needs.title', permission: 'sharedjobs.read', load: () => import('./needs-view') },
    { path: 'sharedjobs/:group/workers', titleKey: 'sharedjobs.workers.title', permission: 'sharedjobs.workers.read', load: () => import('./workers-view') },
    { path: 'sharedjobs/:group/timetables', titleKey: 'sharedjobs.timetables.title', permission: 'sharedjobs.read', load: () => import('./timetables-view') },
    { path: 'sharedjobs/:group/ledger', titleKey: 'sharedjobs.ledger.title', permission: 'sharedjobs.workers.read', load: () => import('./ledger-view') },
  ],
});
