/** jsdom does no layout; CodeMirror measures text ranges to draw its selection and lint layers. */
export function stubRangeGeometry(): void {
  if (!('getClientRects' in Range.prototype)) {
    Object.defineProperty(Range.prototype, 'getClientRects', {
      configurable: true,
      value: () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }),
    });
  }
  if (!('getBoundingClientRect' in Range.prototype)) {
    Object.defineProperty(Range.prototype, 'getBoundingClientRect', {
      configurable: true,
      value: () => new DOMRect(),
    });
  }
}
