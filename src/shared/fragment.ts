// The element id an address's #fragment names, for page scripts that open the view holding it.
/**
 * '#view-table' -> 'view-table', '#%E5%9B%BE' -> '图'. A malformed escape ('#%', '#%E0%A4%A', from a hand-made or cut
 * link) names no element: decodeURIComponent would throw and stop the page's script, leaving its views unwired
 * (hostile25).
 */
export function fragmentId(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return '';
  }
}
