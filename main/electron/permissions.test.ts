import { EventEmitter } from 'node:events';
import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions } from './permissions';

/** A stand-in for an Electron Session: records the handlers and emits the chooser events. */
class FakeSession extends EventEmitter {
  handlers: Record<string, (...args: never[]) => unknown> = {};
  setPermissionRequestHandler(handler: (...args: never[]) => unknown): void {
    this.handlers.request = handler;
  }
  setPermissionCheckHandler(handler: (...args: never[]) => unknown): void {
    this.handlers.check = handler;
  }
  setDevicePermissionHandler(handler: (...args: never[]) => unknown): void {
    this.handlers.device = handler;
  }
  setDisplayMediaRequestHandler(handler: (...args: never[]) => unknown): void {
    this.handlers.displayMedia = handler;
  }
}

function lockedDown(): FakeSession {
  const session = new FakeSession();
  // The fake implements only what denyAllPermissions touches.
  denyAllPermissions(session as unknown as Session);
  return session;
}

describe('denyAllPermissions', () => {
  it('refuses every permission request and check, and every device', () => {
    const { handlers } = lockedDown();
    const callback = vi.fn();
    (handlers.request as (c: unknown, p: string, cb: (granted: boolean) => void) => void)({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect((handlers.check as () => boolean)()).toBe(false);
    expect((handlers.device as () => boolean)()).toBe(false);
  });

  it('answers screen capture with no source', () => {
    const { handlers } = lockedDown();
    const callback = vi.fn();
    (handlers.displayMedia as (r: unknown, cb: (streams: object) => void) => void)({}, callback);
    expect(callback).toHaveBeenCalledWith({});
  });

  it.each([
    ['select-hid-device', (event: object, callback: () => void) => [event, {}, callback], []],
    ['select-usb-device', (event: object, callback: () => void) => [event, {}, callback], []],
    ['select-serial-port', (event: object, callback: () => void) => [event, [], {}, callback], ['']]
  ] as const)('cancels the %s chooser', (name, args, cancelArgs) => {
    const session = lockedDown();
    const event = { preventDefault: vi.fn() };
    const callback = vi.fn();
    session.emit(name, ...args(event, callback));
    expect(event.preventDefault).toHaveBeenCalled();
    expect(callback).toHaveBeenCalledWith(...cancelArgs);
  });
});
