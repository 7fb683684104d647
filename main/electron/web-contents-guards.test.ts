import { EventEmitter } from 'node:events';
import type { App } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isFlightdeckPageUrl } from './app-protocol';
import { guardEveryWebContents } from './web-contents-guards';

/** A stand-in for a WebContents: an emitter that records its window-open handler. */
class FakeWebContents extends EventEmitter {
  windowOpenHandler: (() => unknown) | undefined;
  setWindowOpenHandler(handler: () => unknown): void {
    this.windowOpenHandler = handler;
  }
}

function guardedContents(): FakeWebContents {
  const app = new EventEmitter();
  guardEveryWebContents(app as unknown as App, (url) => isFlightdeckPageUrl(url, undefined));
  const contents = new FakeWebContents();
  app.emit('web-contents-created', {}, contents);
  return contents;
}

function navigationEvent(url: string): { url: string; preventDefault: ReturnType<typeof vi.fn> } {
  return { url, preventDefault: vi.fn() };
}

describe('guardEveryWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s: lets Flightdeck pages through and stops everything else',
    (eventName) => {
      const contents = guardedContents();
      const own = navigationEvent('app://flightdeck/index.html');
      contents.emit(eventName, own);
      expect(own.preventDefault).not.toHaveBeenCalled();
      for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://other/index.html']) {
        const foreign = navigationEvent(url);
        contents.emit(eventName, foreign);
        expect(foreign.preventDefault, url).toHaveBeenCalled();
      }
    }
  );

  it('denies new windows, webviews and Bluetooth choosers on every web contents', () => {
    const contents = guardedContents();
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
    const bluetooth = { preventDefault: vi.fn() };
    const choose = vi.fn();
    contents.emit('select-bluetooth-device', bluetooth, [{ deviceId: 'x' }], choose);
    expect(bluetooth.preventDefault).toHaveBeenCalled();
    expect(choose).toHaveBeenCalledWith('');
  });
});
