import { createContext, useContext } from 'react';
import type { EditorMessage } from '../../editor';

/** The live validation messages, grouped by the JSON path of their field. */
export type MessagesByPath = ReadonlyMap<string, readonly EditorMessage[]>;

export const MessagesContext = createContext<MessagesByPath>(new Map());

export function groupByPath(messages: readonly EditorMessage[]): MessagesByPath {
  const map = new Map<string, EditorMessage[]>();
  for (const m of messages) {
    const list = map.get(m.path);
    if (list) list.push(m);
    else map.set(m.path, [m]);
  }
  return map;
}

const NONE: readonly EditorMessage[] = [];

/** Messages about exactly this field. */
export function useMessages(path: string): readonly EditorMessage[] {
  return useContext(MessagesContext).get(path) ?? NONE;
}
