import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/app.css';
import { Root } from './app/Root';
import { startApp } from './app/start';
import { registerServiceWorker } from './deploy/register-service-worker';

// Started once, outside React, so StrictMode's double effects cannot start two workers.
const started = startApp();
registerServiceWorker();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <Root started={started} />
  </StrictMode>,
);
