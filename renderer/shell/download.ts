/**
 * Saves text as a file through a temporary link. A `blob:` URL is used: the page's CSP governs
 * what the page loads, not what a download link saves, so no policy change is needed.
 */
export function downloadText(fileName: string, text: string, mimeType = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}
