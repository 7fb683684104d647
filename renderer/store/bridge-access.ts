import type { Bridge } from '../bridge/bridge';

let current: Bridge | undefined;

/** Store actions reach the host through this; views never touch the bridge. */
export function bridge(): Bridge {
  if (!current) throw new Error('the store is not connected to a bridge yet');
  return current;
}

export function setBridge(next: Bridge | undefined): void {
  current = next;
}
