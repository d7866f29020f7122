import { useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useT } from '../i18n/i18n';

export interface PresentUser {
  id: string;
  name: string;
  color: string;
}

/** Everyone with the draft open (one entry per person, whatever the number of their tabs). */
export function presentUsers(states: Map<number, Record<string, unknown>>): PresentUser[] {
  const byId = new Map<string, PresentUser>();
  for (const state of states.values()) {
    const user = state.user as Partial<PresentUser> | undefined;
    if (user?.name && user.id)
      byId.set(user.id, { id: user.id, name: user.name, color: user.color ?? '#888' });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function initials(name: string): string {
  const words = name.match(/\p{L}+/gu) ?? [];
  return words
    .slice(0, 2)
    .map((w) => w[0].toUpperCase())
    .join('');
}

function usePresence(awareness: Awareness): PresentUser[] {
  const snapshot = useSyncExternalStore(
    (onChange) => {
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    () =>
      JSON.stringify(presentUsers(awareness.getStates() as Map<number, Record<string, unknown>>)),
  );
  return JSON.parse(snapshot) as PresentUser[];
}

export function PresenceList({ awareness }: { awareness: Awareness }) {
  const { t } = useT();
  const users = usePresence(awareness);
  return (
    <div className="presence">
      <span className="visually-hidden">{t('draft.present')}</span>
      <ul>
        {users.map((u) => (
          <li key={u.id} title={u.name}>
            <span className="avatar" style={{ background: u.color }} aria-hidden="true">
              {initials(u.name)}
            </span>
            <span className="name">{u.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
