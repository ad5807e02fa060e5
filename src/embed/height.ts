/**
 * Watches how tall the page's content is. The element measured is the app's
 * container, whose height in embed mode is its content's (html and body do
 * not stretch it to the frame), so the height shrinks as well as grows.
 */
export function observeHeight(
  element: HTMLElement,
  onHeight: (height: number) => void,
): () => void {
  const measure = () => onHeight(element.getBoundingClientRect().height);
  if (typeof ResizeObserver === 'undefined') {
    measure();
    return () => {};
  }
  const observer = new ResizeObserver(measure);
  observer.observe(element);
  measure();
  return () => observer.disconnect();
}
