import { memo, useState } from 'react';
import { watchFor } from '../../glossary';
import './terms.css';

/**
 * A preset's two sentences of what to watch for, shown when it opens and
 * until the person dismisses them; opening another preset shows its own.
 */
export const WatchFor = memo(function WatchFor({ presetName }: { presetName: string | null }) {
  const [dismissed, setDismissed] = useState<string | null>(null);
  const sentences = watchFor(presetName);
  if (sentences === null || dismissed === presetName) return null;
  return (
    <section className="watch-for" aria-label="What to watch for" data-testid="watch-for">
      <p>
        <strong>Watch for: </strong>
        {sentences[0]} {sentences[1]}
      </p>
      <button type="button" onClick={() => setDismissed(presetName)}>
        Got it
      </button>
    </section>
  );
});
