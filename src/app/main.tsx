import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { registerServiceWorker } from './pwa';
import { PwaPrompt } from './pwa-prompt';
import { installTrustedTypesPolicy } from './trusted-types';
import './styles.css';

// Before anything can reach a DOM sink: the Content-Security-Policy enforces Trusted Types.
installTrustedTypesPolicy();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
    <PwaPrompt />
  </StrictMode>,
);
// Offline use and the update prompt (the development server has no service worker).
if (import.meta.env.PROD) registerServiceWorker();
