import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { studio } from './api';
import { App } from './app/App';
import { installLinkGuard } from './app/link-guard';
import './styles.css';

installLinkGuard(document, (url) => void studio.app.openLink({ url }));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
