import './import.css';
import { DropZone } from './DropZone';
import { ImportProgressDialog } from './ImportProgressDialog';

/** Over the page: the drop zone and the progress of a file being opened. */
export function ImportLayer() {
  return (
    <>
      <DropZone />
      <ImportProgressDialog />
    </>
  );
}
