import type { EditorMessage } from '../../../editor';
import { useApply } from '../editor-store';
import { useMessages } from '../messages-context';
import { fieldId } from '../paths';

/** One message, in plain words, with its one-click fix when there is one. */
export function MessageLine({ message }: { message: EditorMessage }) {
  const apply = useApply();
  return (
    <li className={`ed-msg ${message.severity}`}>
      <span className="ed-msg-kind">{message.severity === 'error' ? 'Error' : 'Note'}:</span>{' '}
      {message.text}
      {message.fix ? (
        <>
          {' '}
          <button type="button" className="ed-fix" onClick={() => apply(message.fix!.op)}>
            {message.fix.label}
          </button>
        </>
      ) : null}
    </li>
  );
}

/** The validation messages of one field, shown right under it. */
export function FieldMessages({ path, extra }: { path: string; extra?: string | null }) {
  const messages = useMessages(path);
  if (messages.length === 0 && !extra) return null;
  return (
    <ul className="ed-msgs" id={`${fieldId(path)}-msg`} data-path={path}>
      {extra ? <li className="ed-msg error">{extra}</li> : null}
      {messages.map((m, i) => (
        <MessageLine key={i} message={m} />
      ))}
    </ul>
  );
}

/** `aria-describedby` for a field that has messages. */
export function useDescribedBy(path: string, extra?: string | null): string | undefined {
  const messages = useMessages(path);
  return messages.length > 0 || extra ? `${fieldId(path)}-msg` : undefined;
}
