import { defineModule } from '../../app/nav';

export default defineModule({
  id: 'needs',
  navLabelKey: 'needs.nav',
  order: 30,
  nav: { path: 'needs', permission: 'needs.read' },
  routes: [
    { path: 'needs', titleKey: 'needs.overview.title', permission: 'needs.read', load: () => import('./overview-view') },
    { path: 'needs/records', titleKey: 'needs.records.title', permission: 'needs.records.read', load: () => import('./records-view') },
    { path: 'needs/records/new', titleKey: 'needs.form.title_new', permission: 'needs.records.write', load: () => import('./record-form-view') },
    { path: 'needs/records/:id', titleKey: 'needs.record.title', permission: 'needs.records.read', load: () => import('./record-view') },
    { path: 'needs/records/:id/edit', titleKey: 'needs.form.title_edit', permission: 'needs.records.write', load: () => import('./record-form-view') },
    { path: 'needs/import', titleKey: 'needs.import.title', permission: 'needs.records.write', load: () => import('./import-view') },
    { path: 'needs/catalogue', titleKey: 'needs.catalogue.title', permission: 'needs.read', load: () => import('./catalogue-view') },
    { path: 'needs/groups', titleKey: 'needs.groups.title', permission: 'needs.read', load: () => import('./groups-view') },
    { path: 'needs/groups/:id', titleKey: 'needs.group.title', permission: 'needs.read', load: () => import('./group-view') },
    { path: 'needs/diagnostic', titleKey: 'needs.diagnostic.title', permission: 'needs.read', load: () => import('./diagnostic-view') },
    { path: 'needs/calls', titleKey: 'needs.calls.title', permission: 'needs.read', load: () => import('./calls-view') },
    { path: 'needs/calls/new', titleKey: 'needs.call_form.title', permission: 'needs.plan', load: () => import('./call-form-view') },
    { path: 'needs/calls/:id', titleKey: 'needs.call.title', permission: 'needs.read', load: () => import('./call-view') },
  ],
});
