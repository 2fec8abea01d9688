// The nation's region code (GB/T 2260 style, 100000), in a module of its own: browser scripts import it
// without the region table, which is read from a file.
export const NATIONAL_CODE = '100000';
