import { useEffect, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import './App.css';
import { Header } from './shell/Header';
import { MainLayout } from './shell/MainLayout';
import { ShortcutsDialog } from './shell/ShortcutsDialog';
import { StatusBar } from './shell/StatusBar';
import { useShortcuts } from './shell/use-shortcuts';
import { useFlightdeck } from './store';

/** The application shell: header, resizable graph / inspector / tabbed views, status bar. */
export function App(): ReactElement {
  const { theme, connectionState, loadAircraft } = useFlightdeck(
    useShallow((s) => ({ theme: s.layout.theme, connectionState: s.connection.info.state, loadAircraft: s.aircraft.load }))
  );
  useShortcuts();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    if (connectionState === 'open') void loadAircraft();
  }, [connectionState, loadAircraft]);

  return (
    <div className="fd-app">
      <Header />
      <MainLayout />
      <StatusBar />
      <ShortcutsDialog />
    </div>
  );
}
