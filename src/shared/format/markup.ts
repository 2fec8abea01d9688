// Escaping text for HTML and SVG (element content and double-quoted attributes). Import-free, like tick.ts, so
// build-time charts and browser scripts share the one rule.
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
