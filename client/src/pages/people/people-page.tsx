import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import type { AccountFieldsFragment, PeopleQuery, Role } from '../../gql/graphql';
import { useT } from '../../i18n/i18n';
import { formatDate } from '../../ui/dates';
import { ErrorState, Loading } from '../../ui/states';
import { useDocumentTitle } from '../../ui/use-document-title';
import {
  AccountChanged,
  DeactivateUser,
  InviteUser,
  PeopleQuery as PeopleDocument,
  ReactivateUser,
  ResetUserPassword,
  SetUserAccess,
} from '../account/account.graphql';
import { passwordErrorText } from '../account/password-error';

/**
 * The roles given here. The coordinator role follows naming on the Membership page, where the
 * server gives it (it refuses it here), so it is not offered.
 */
const GIVEN_ROLES: Role[] = [
  'CHAIR',
  'SECRETARIAT',
  'DELEGATE',
  'EXPERT',
  'OBSERVER',
  'MEMBER_STATE',
];

type Outcome = { kind: 'done' | 'error'; text: string } | null;
type Link = { name: string; url: string; until: string; kind: 'invited' | 'resetIssued' };
type Delegation = PeopleQuery['delegations'][number];

/** The Secretariat's page for people's accounts (the server lists them only for it). */
export function PeoplePage() {
  const { t, lang } = useT();
  const result = useQuery(PeopleDocument, { fetchPolicy: 'cache-and-network' });
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [link, setLink] = useState<Link | null>(null);
  useDocumentTitle(t('people.title'));
  // What another officer does (or a person accepting their link) shows here at once: a known
  // account updates itself in the cache by its id; a new one has the list read again.
  useSubscription(AccountChanged, {
    onData: ({ data: event }) => {
      const id = event.data?.accountChanged.id;
      if (id && !result.data?.accounts.some((a) => a.id === id)) void result.refetch();
    },
  });
  if (result.loading && !result.data) return <Loading />;
  if (!result.data) return <ErrorState error={result.error} retry={() => void result.refetch()} />;
  const { accounts, delegations, workingGroups } = result.data;
  const fail = (err: unknown) => setOutcome({ kind: 'error', text: passwordErrorText(err, lang) });
  const done = (text: string) => setOutcome({ kind: 'done', text });

  return (
    <article className="people-page">
      <h1>{t('people.title')}</h1>
      <p>{t('people.intro')}</p>
      <p className="account-outcome" role="status" aria-live="polite">
        {outcome?.kind === 'done' ? outcome.text : ''}
      </p>
      {outcome?.kind === 'error' && (
        <p className="notice notice-error" role="alert">
          {outcome.text}
        </p>
      )}
      {link && (
        <div className="notice issued-link">
          <p>{t(`people.${link.kind}`, { name: link.name, until: link.until })}</p>
          <input
            type="text"
            readOnly
            aria-label={t('people.linkLabel', { name: link.name })}
            value={link.url}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
      <InviteForm
        delegations={delegations}
        groups={workingGroups}
        onInvited={(l) => {
          setOutcome(null);
          setLink(l);
          void result.refetch();
        }}
        onError={fail}
      />
      <section aria-labelledby="people-list" className="account-section">
        <h2 id="people-list">{t('people.listTitle')}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('people.name')}</th>
              <th scope="col">{t('people.email')}</th>
              <th scope="col">{t('people.roles')}</th>
              <th scope="col">{t('people.status')}</th>
              <th scope="col">{t('people.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <PersonRow
                key={a.id}
                account={a}
                delegations={delegations}
                onLink={(l) => {
                  setOutcome(null);
                  setLink(l);
                }}
                onDone={done}
                onError={fail}
              />
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}

function delegationName(d: Delegation, lang: string) {
  return lang === 'fr' ? d.nameFr : d.nameEn;
}

function InviteForm({
  delegations,
  groups,
  onInvited,
  onError,
}: {
  delegations: Delegation[];
  groups: PeopleQuery['workingGroups'];
  onInvited: (link: Link) => void;
  onError: (err: unknown) => void;
}) {
  const { t, lang } = useT();
  const id = useId();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>(['DELEGATE']);
  const [delegationId, setDelegationId] = useState('');
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const [invite, { loading }] = useMutation(InviteUser);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const { data } = await invite({
        variables: {
          input: {
            name: name.trim(),
            email: email.trim(),
            roles,
            delegationId: delegationId || null,
            workingGroupIds: groupIds,
          },
        },
      });
      if (!data) return;
      onInvited({
        name: data.inviteUser.user.name,
        url: data.inviteUser.url,
        until: formatDate(data.inviteUser.expiresAt, lang, 'PPp'),
        kind: 'invited',
      });
      setName('');
      setEmail('');
      setGroupIds([]);
    } catch (err) {
      onError(err);
    }
  };
  const toggle = <T,>(list: T[], value: T, on: boolean) =>
    on ? [...list, value] : list.filter((v) => v !== value);
  return (
    <section aria-labelledby={`${id}-title`} className="account-section">
      <h2 id={`${id}-title`}>{t('people.inviteTitle')}</h2>
      <form onSubmit={submit} className="stacked-form invite-form">
        <label>
          {t('people.name')}
          <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('people.email')}
          <input
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <fieldset>
          <legend>{t('people.roles')}</legend>
          {GIVEN_ROLES.map((r) => (
            <label key={r} className="check">
              <input
                type="checkbox"
                checked={roles.includes(r)}
                onChange={(e) => setRoles(toggle(roles, r, e.target.checked))}
              />
              {t(`roleNames.${r}`)}
            </label>
          ))}
          <p className="muted">{t('people.coordinatorNote')}</p>
        </fieldset>
        <label>
          {t('people.delegation')}
          <select value={delegationId} onChange={(e) => setDelegationId(e.target.value)}>
            <option value="">{t('people.noDelegation')}</option>
            {delegations.map((d) => (
              <option key={d.id} value={d.id}>
                {delegationName(d, lang)}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t('people.groups')}</legend>
          {groups.map((g) => (
            <label key={g.id} className="check">
              <input
                type="checkbox"
                checked={groupIds.includes(g.id)}
                onChange={(e) => setGroupIds(toggle(groupIds, g.id, e.target.checked))}
              />
              {t('people.group', { number: g.number })}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary" disabled={loading}>
          {t('people.invite')}
        </button>
      </form>
    </section>
  );
}

function PersonRow({
  account,
  delegations,
  onLink,
  onDone,
  onError,
}: {
  account: AccountFieldsFragment;
  delegations: Delegation[];
  onLink: (link: Link) => void;
  onDone: (text: string) => void;
  onError: (err: unknown) => void;
}) {
  const { t, lang } = useT();
  const { user, can } = account;
  const [editing, setEditing] = useState(false);
  const [deactivate] = useMutation(DeactivateUser);
  const [reactivate] = useMutation(ReactivateUser);
  const [reset] = useMutation(ResetUserPassword);
  const run = async (work: () => Promise<unknown>, text?: string) => {
    try {
      await work();
      if (text) onDone(text);
    } catch (err) {
      onError(err);
    }
  };
  return (
    <>
      <tr>
        <th scope="row">{user.name}</th>
        <td>{user.email}</td>
        <td>{user.roles.map((r) => t(`roleNames.${r}`)).join(', ')}</td>
        <td>{t(`people.statuses.${account.status}`)}</td>
        <td>
          <div className="row-actions">
            {can.changeAccess && (
              <button
                type="button"
                aria-expanded={editing}
                aria-label={t('people.editRolesLabel', { name: user.name })}
                onClick={() => setEditing(!editing)}
              >
                {t('people.editRoles')}
              </button>
            )}
            {can.resetPassword && (
              <button
                type="button"
                aria-label={t('people.resetLabel', { name: user.name })}
                onClick={() =>
                  void run(async () => {
                    const { data } = await reset({ variables: { id: account.id } });
                    if (data)
                      onLink({
                        name: user.name,
                        url: data.resetUserPassword.url,
                        until: formatDate(data.resetUserPassword.expiresAt, lang, 'PPp'),
                        kind: 'resetIssued',
                      });
                  })
                }
              >
                {t('people.reset')}
              </button>
            )}
            {can.deactivate && (
              <button
                type="button"
                className="danger"
                aria-label={t('people.deactivateLabel', { name: user.name })}
                onClick={() =>
                  void run(
                    () => deactivate({ variables: { id: account.id } }),
                    t('people.deactivated', { name: user.name }),
                  )
                }
              >
                {t('people.deactivate')}
              </button>
            )}
            {can.reactivate && (
              <button
                type="button"
                aria-label={t('people.reactivateLabel', { name: user.name })}
                onClick={() =>
                  void run(
                    () => reactivate({ variables: { id: account.id } }),
                    t('people.reactivated', { name: user.name }),
                  )
                }
              >
                {t('people.reactivate')}
              </button>
            )}
          </div>
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={5}>
            <AccessForm
              account={account}
              delegations={delegations}
              onClose={() => setEditing(false)}
              onDone={onDone}
              onError={onError}
            />
          </td>
        </tr>
      )}
    </>
  );
}

function AccessForm({
  account,
  delegations,
  onClose,
  onDone,
  onError,
}: {
  account: AccountFieldsFragment;
  delegations: Delegation[];
  onClose: () => void;
  onDone: (text: string) => void;
  onError: (err: unknown) => void;
}) {
  const { t, lang } = useT();
  const { user } = account;
  const [roles, setRoles] = useState<Role[]>(user.roles.filter((r) => r !== 'COORDINATOR'));
  const [delegationId, setDelegationId] = useState(user.delegation?.id ?? '');
  const [save, { loading }] = useMutation(SetUserAccess);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await save({
        variables: { input: { userId: account.id, roles, delegationId: delegationId || null } },
      });
      onDone(t('people.saved', { name: user.name }));
      onClose();
    } catch (err) {
      onError(err);
    }
  };
  return (
    <form onSubmit={submit} className="access-form">
      <fieldset>
        <legend>{t('people.rolesOf', { name: user.name })}</legend>
        {GIVEN_ROLES.map((r) => (
          <label key={r} className="check">
            <input
              type="checkbox"
              checked={roles.includes(r)}
              onChange={(e) =>
                setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))
              }
            />
            {t(`roleNames.${r}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('people.delegation')}
        <select value={delegationId} onChange={(e) => setDelegationId(e.target.value)}>
          <option value="">{t('people.noDelegation')}</option>
          {delegations.map((d) => (
            <option key={d.id} value={d.id}>
              {delegationName(d, lang)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={loading}>
        {t('people.save')}
      </button>
      <button type="button" onClick={onClose}>
        {t('people.cancel')}
      </button>
    </form>
  );
}
