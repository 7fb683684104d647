import type { Session } from 'electron';

/**
 * Flightdeck needs no camera, microphone, screen capture, notifications, HID, serial, USB,
 * Bluetooth or any other permission: every request and check is refused, and every device
 * chooser is cancelled, so nothing is granted by a default or by a picker. (Bluetooth's
 * chooser is a web-contents event: `web-contents-guards.ts` cancels it.)
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Answering without a video or audio source refuses navigator.mediaDevices.getDisplayMedia.
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  // Each chooser: preventDefault takes it over, and the empty answer cancels the request.
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
}
