import { defineModule } from '../../app/nav';

export default defineModule({
  id: 'pathways',
  navLabelKey: 'pathways.nav',
  order: 40,
  nav: { path: 'pathways', permission: 'pathways.read' },
  routes: [
    { path: 'pathways', titleKey: 'pathways.kanban.title', permission: 'pathways.read', load: () => import('./kanban-view') },
    { path: 'pathways/projects/new', titleKey: 'pathways.form.title', permission: 'pathways.write', load: () => import('./project-form-view') },
    { path: 'pathways/projects/:id', titleKey: 'pathways.project.title', permission: 'pathways.read', load: () => import('./project-view') },
    { path: 'pathways/projects/:id/routing', titleKey: 'pathways.routing.title', permission: 'pathways.read', load: () => import('./routing-view') },
    { path: 'pathways/mentors', titleKey: 'pathways.mentors.title', permission: 'pathways.read', load: () => import('./mentors-view') },
    { path: 'pathways/dashboard', titleKey: 'pathways.dashboard.title', permission: 'pathways.read', load: () => import('./dashboard-view') },
    { path: 'pathways/templates', titleKey: 'pathways.templates.title', permission: 'pathways.read', load: () => import('./templates-view') },
  ],
});
