/**
 * The renderer's Content-Security-Policy, sent as a header on every browser-mode and app://
 * response. The same policy is in `renderer/index.html` as a meta tag for the dev server
 * (a test keeps the two equal).
 * Styles allow 'unsafe-inline' because React Flow and recharts position elements with
 * inline style attributes; scripts allow only the bundled files.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ');
