// Escaping text for HTML and SVG (element content and double-quoted attributes). Import-free, like tick.ts, so
// build-time charts and browser scripts share the one rule.
export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids (C0 controls but TAB, LF and CR; U+FFFE, U+FFFF) are dropped: one in a name made
  // every SVG drawing it ill-formed, and the PNG renderer refuse it (hostile24). They show as nothing anyway.
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
