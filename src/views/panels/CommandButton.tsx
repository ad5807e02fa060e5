import { useCommand, type CommandId } from '../../commands';
import { Icon, type IconName } from './icons';

interface Props {
  id: CommandId;
  icon?: IconName;
  /** Shown next to the icon; the accessible name is always the command's label. */
  text?: string;
}

/** A button that runs one registry command; its tooltip names the shortcut. */
export function CommandButton({ id, icon, text }: Props) {
  const { command, enabled, label, run } = useCommand(id);
  const title = command.shortcut ? `${label} (${command.shortcut.label})` : label;
  return (
    <button type="button" aria-label={label} title={title} disabled={!enabled} onClick={run}>
      {icon ? <Icon name={icon} /> : null}
      {text ? <span>{text}</span> : null}
    </button>
  );
}
