import { defineModule } from '../../app/nav';

// Fiche II-1 of the COORACE manual: Grille I (actor logics), Grille II (relations), the graph
// and its analysis, and the yearly comparison.
export default defineModule({
  id: 'network',
  navLabelKey: 'network.nav',
  order: 20,
  nav: { path: 'network', permission: 'network.read' },
  routes: [
    { path: 'network', titleKey: 'network.graph.title', permission: 'network.read', load: () => import('./graph-view') },
    { path: 'network/matrix', titleKey: 'network.matrix.title', permission: 'network.read', load: () => import('./matrix-view') },
    { path: 'network/analysis', titleKey: 'network.analysis.title', permission: 'network.read', load: () => import('./analysis-view') },
    { path: 'network/compare', titleKey: 'network.compare.title', permission: 'network.read', load: () => import('./compare-view') },
    { path: 'network/actors/:id', titleKey: 'network.card.title', permission: 'network.read', load: () => import('./card-view') },
  ],
});
