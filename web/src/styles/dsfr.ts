// The French State design system (DSFR), loaded piece by piece: its core (fonts, grid,
// typography, spacing, colours, collapse/disclosure behaviour) and only the components and
// icons (icons.css) that Maillage uses. Everything DSFR-specific enters the app here, so the look
// can be changed in one place (see docs/web.md, "Design system").
//
// A module that needs another DSFR component adds its CSS (and JS, if it has behaviour) here.

import '@gouvfr/dsfr/dist/core/core.main.min.css';
import '@gouvfr/dsfr/dist/component/link/link.main.min.css';
import '@gouvfr/dsfr/dist/component/button/button.main.min.css';
import '@gouvfr/dsfr/dist/component/form/form.main.min.css';
import '@gouvfr/dsfr/dist/component/input/input.main.min.css';
import '@gouvfr/dsfr/dist/component/select/select.main.min.css';
import '@gouvfr/dsfr/dist/component/checkbox/checkbox.main.min.css';
import '@gouvfr/dsfr/dist/component/upload/upload.main.min.css';
import '@gouvfr/dsfr/dist/component/alert/alert.main.min.css';
import '@gouvfr/dsfr/dist/component/callout/callout.main.min.css';
import '@gouvfr/dsfr/dist/component/tag/tag.main.min.css';
import '@gouvfr/dsfr/dist/component/table/table.main.min.css';
import '@gouvfr/dsfr/dist/component/breadcrumb/breadcrumb.main.min.css';
import '@gouvfr/dsfr/dist/component/pagination/pagination.main.min.css';
import '@gouvfr/dsfr/dist/component/skiplink/skiplink.main.min.css';
import '@gouvfr/dsfr/dist/component/modal/modal.main.min.css';
import '@gouvfr/dsfr/dist/component/navigation/navigation.main.min.css';
import '@gouvfr/dsfr/dist/component/translate/translate.main.min.css';
import '@gouvfr/dsfr/dist/component/header/header.main.min.css';
import '@gouvfr/dsfr/dist/component/footer/footer.main.min.css';
import './icons.css';

// Behaviour: the core (window.dsfr) first, then the components that have some.
import '@gouvfr/dsfr/dist/core/core.module.min.js';
import '@gouvfr/dsfr/dist/component/navigation/navigation.module.min.js';
import '@gouvfr/dsfr/dist/component/modal/modal.module.min.js';
import '@gouvfr/dsfr/dist/component/header/header.module.min.js';
import '@gouvfr/dsfr/dist/component/breadcrumb/breadcrumb.module.min.js';
import '@gouvfr/dsfr/dist/component/table/table.module.min.js';
