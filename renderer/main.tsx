import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBridge } from './bridge/create-bridge';
import { connectStore } from './store';
import { App } from './App';
import './styles/theme.css';

const bridge = createBridge();
// Lets tests (and curious users) see the link state: <html data-bridge="open">.
bridge.onConnection((info) => {
  document.documentElement.dataset.bridge = info.state;
  document.documentElement.dataset.transport = info.transport;
});
connectStore(bridge);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>
);
