import './import.css';
import { ImportErrors } from './ImportErrors';
import { OpenedBadge } from './OpenedBadge';

/** In the banner area: why a file was refused, or what was opened. */
export function ImportBanners() {
  return (
    <>
      <ImportErrors />
      <OpenedBadge />
    </>
  );
}
