import type { FlightdeckApi } from './api';

declare global {
  interface Window {
    /** Present in the Electron app (preload); absent in browser mode. */
    flightdeck?: FlightdeckApi;
  }
}

export {};
