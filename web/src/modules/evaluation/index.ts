import { defineModule } from '../../app/nav';

export default defineModule({
  id: 'evaluation',
  navLabelKey: 'evaluation.nav',
  order: 80,
  nav: { path: 'evaluation', permission: 'evaluation.read' },
  routes: [
    { path: 'evaluation', titleKey: 'evaluation.home.title', permission: 'evaluation.read', load: () => import('./home-view') },
    { path: 'evaluation/assessments/new', titleKey: 'evaluation.new.title', permission: 'evaluation.write', load: () => import('./new-assessment-view') },
    { path: 'evaluation/assessments/:id', titleKey: 'evaluation.assessment.title', permission: 'evaluation.read', load: () => import('./assessment-view') },
    { path: 'evaluation/assessments/:id/live', titleKey: 'evaluation.live.title', permission: 'evaluation.read', load: () => import('./live-view') },
    { path: 'evaluation/assessments/:id/compare', titleKey: 'evaluation.compare.title', permission: 'evaluation.read', load: () => import('./compare-view') },
    { path: 'evaluation/campaigns/new', titleKey: 'evaluation.campaign.new_title', permission: 'evaluation.write', load: () => import('./campaign-new-view') },
    { path: 'evaluation/campaigns/:id', titleKey: 'evaluation.campaign.title', permission: 'evaluation.read', load: () => import('./campaign-view') },
    { path: 'evaluation/rounds/new', titleKey: 'evaluation.round.new_title', permission: 'evaluation.grids', load: () => import('./round-new-view') },
    { path: 'evaluation/rounds/:id', titleKey: 'evaluation.round.title', permission: 'evaluation.read', load: () => import('./round-view') },
    { path: 'evaluation/core', titleKey: 'evaluation.core.title', permission: 'evaluation.read', load: () => import('./core-view') },
    { path: 'evaluation/grids', titleKey: 'evaluation.grids.title', permission: 'evaluation.read', load: () => import('./grids-view') },
    { path: 'evaluation/grids/:id', titleKey: 'evaluation.editor.title', permission: 'evaluation.read', load: () => import('./grid-editor-view') },
    { path: 'evaluation/demarches', titleKey: 'evaluation.demarches.title', permission: 'evaluation.read', load: () => import('./demarches-view') },
  ],
});
