import { useEffect, type ReactElement } from 'react';
import './App.css';
import { Header } from './shell/Header';
import { MainLayout } from './shell/MainLayout';
import { ShortcutsDialog } from './shell/ShortcutsDialog';
import { StatusBar } from './shell/StatusBar';
import { useShortcuts } from './shell/use-shortcuts';
import { useFlightdeck } from './store';

/** The application shell: header, resizable graph / inspector / tabbed views, status bar. */
export function App(): ReactElement {
  const theme = useFlightdeck((s) => s.layout.theme);
  useShortcuts();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <div className="fd-app">
      <Header />
      <MainLayout />
      <StatusBar />
      <ShortcutsDialog />
    </div>
  );
}
