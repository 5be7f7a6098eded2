// Entry point: the design system, our styles, then the application.
import './styles/dsfr';
import './styles/app.css';
import { startApp } from './app/app';

startApp(document.getElementById('app')!);
