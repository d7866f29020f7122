import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { MembershipGroupFieldsFragment } from '../../gql/graphql';
import { apiLang, useT } from '../../i18n/i18n';
import { errorText } from '../../ui/error-text';
import { PersonName, personLabel } from '../../ui/person-name';
import { Empty, ErrorState, Loading } from '../../ui/states';
import { useDocumentTitle } from '../../ui/use-document-title';
import {
  AddDelegation,
  AddMember,
  MembershipChoicesQuery,
  MembershipQuery,
  RemoveDelegation,
  RemoveMember,
  SetCoordinator,
  WorkingGroupChangedSubscription,
} from './membership.graphql';

type Group = MembershipGroupFieldsFragment;
type Choices = NonNullable<ReturnType<typeof useChoices>['data']>;
/** What was done, said once in the live region (or what went wrong, as an alert). */
type Outcome = { kind: 'done' | 'error'; text: string } | null;

const useChoices = (skip: boolean) => useQuery(MembershipChoicesQuery, { skip });

/**
 * The four working groups with their delegations, people and coordinator: for everyone to read,
 * and for those the server says may manage membership (`can.manageMembers`, the Secretariat) to
 * change. Followed live: another officer's change, or one's own elsewhere, shows at once.
 */
export function MembershipPage() {
  const { t, lang } = useT();
  const result = useQuery(MembershipQuery, { variables: { lang: apiLang(lang) } });
  useSubscription(WorkingGroupChangedSubscription, { variables: { lang: apiLang(lang) } });
  const groups = result.data?.workingGroups ?? [];
  const manages = groups.some((g) => g.can.manageMembers);
  const choices = useChoices(!manages);
  const [outcome, setOutcome] = useState<Outcome>(null);
  useDocumentTitle(t('membership.title'));
  if (result.loading && !result.data) return <Loading />;
  if (result.error && !result.data)
    return <ErrorState error={result.error} retry={() => void result.refetch()} />;
  return (
    <article className="membership">
      <h1>{t('membership.title')}</h1>
      <p>{t('membership.intro')}</p>
      {!manages && <p className="muted">{t('membership.readOnly')}</p>}
      {manages && (
        <p className="membership-outcome" role="status" aria-live="polite">
          {outcome?.kind === 'done' ? outcome.text : ''}
        </p>
      )}
      {outcome?.kind === 'error' && (
        <p className="state state-error" role="alert">
          {outcome.text}
        </p>
      )}
      <div className="membership-groups">
        {groups.map((g) => (
          <GroupCard
            key={g.id}
            group={g}
            choices={g.can.manageMembers ? (choices.data ?? null) : null}
            onOutcome={setOutcome}
          />
        ))}
      </div>
    </article>
  );
}

function GroupCard({
  group,
  choices,
  onOutcome,
}: {
  group: Group;
  choices: Choices | null;
  onOutcome: (o: Outcome) => void;
}) {
  const { t, lang } = useT();
  const headingId = useId();
  const variables = { workingGroupId: group.id, lang: apiLang(lang) };
  const [addMember] = useMutation(AddMember);
  const [removeMember] = useMutation(RemoveMember);
  const [setCoordinator] = useMutation(SetCoordinator);
  const [addDelegation] = useMutation(AddDelegation);
  const [removeDelegation] = useMutation(RemoveDelegation);
  const [busy, setBusy] = useState(false);
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const number = group.number;
  const nameOf = (p: { name: string; delegation?: Group['delegations'][number] | null }) => {
    const label = personLabel(p, lang);
    return label.delegation ? `${label.name} · ${label.delegation}` : label.name;
  };
  const delegationName = (d: { nameEn: string; nameFr: string }) =>
    lang === 'fr' ? d.nameFr : d.nameEn;

  /** Runs one change; says what was done, or why not, in the person's language. */
  const run = async (change: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await change();
      onOutcome({ kind: 'done', text: done });
    } catch (err) {
      onOutcome({ kind: 'error', text: errorText(err, lang) });
    } finally {
      setBusy(false);
    }
    // The button pressed may be gone with the row it stood in (Remove): focus stays in the group.
    requestAnimationFrame(() => {
      if (!section.current?.contains(document.activeElement)) heading.current?.focus();
    });
  };

  const coordinator = group.members.find((m) => m.id === group.coordinator?.id);
  const manage = choices !== null;
  const seatedDelegations = new Set(group.delegations.map((d) => d.id));
  // The server says whom it would seat (not observers, not another group's coordinator).
  const candidates = group.seatablePeople;
  const freeDelegations = choices?.delegations.filter((d) => !seatedDelegations.has(d.id)) ?? [];

  return (
    <section className="membership-group" aria-labelledby={headingId} ref={section}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        <Link to={`/groups/${group.id}`}>
          {t('membership.group', { number, title: group.title })}
        </Link>
      </h2>
      <p>
        <span className="muted">{t('membership.coordinator')}</span>{' '}
        {coordinator ? <PersonName person={coordinator} /> : t('membership.noCoordinator')}
        {manage && coordinator && (
          <>
            {' '}
            <button
              type="button"
              className="link"
              disabled={busy}
              aria-label={t('membership.clearCoordinatorOf', { number })}
              onClick={() =>
                run(
                  () => setCoordinator({ variables: { ...variables, userId: null } }),
                  t('membership.done.coordinatorRemoved', { number }),
                )
              }
            >
              {t('membership.clearCoordinator')}
            </button>
          </>
        )}
      </p>

      <h3>{t('membership.delegations')}</h3>
      {group.delegations.length === 0 ? (
        <Empty>{t('membership.noDelegations')}</Empty>
      ) : (
        <ul className="membership-list">
          {group.delegations.map((d) => (
            <li key={d.id}>
              <span>{delegationName(d)}</span>
              {manage && (
                <button
                  type="button"
                  disabled={busy}
                  aria-label={t('membership.removeFrom', { name: delegationName(d), number })}
                  onClick={() =>
                    run(
                      () => removeDelegation({ variables: { ...variables, delegationId: d.id } }),
                      t('membership.done.delegationRemoved', { name: delegationName(d), number }),
                    )
                  }
                >
                  {t('membership.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {manage && (
        <AddForm
          label={t('membership.addDelegation', { number })}
          options={freeDelegations.map((d) => ({ id: d.id, label: delegationName(d) }))}
          busy={busy}
          onMissing={() => onOutcome({ kind: 'error', text: t('membership.chooseFirst') })}
          onAdd={(id, label) =>
            run(
              () => addDelegation({ variables: { ...variables, delegationId: id } }),
              t('membership.done.delegationAdded', { name: label, number }),
            )
          }
        />
      )}

      <h3>{t('membership.members')}</h3>
      {group.members.length === 0 ? (
        <Empty>{t('membership.noMembers')}</Empty>
      ) : (
        <ul className="membership-list">
          {group.members.map((m) => {
            const isCoordinator = m.id === group.coordinator?.id;
            return (
              <li key={m.id}>
                <span>
                  <PersonName person={m} />
                  {isCoordinator && <span className="badge">{t('membership.isCoordinator')}</span>}
                </span>
                {manage && (
                  <span className="membership-actions">
                    {!isCoordinator && (
                      <button
                        type="button"
                        disabled={busy}
                        aria-label={t('membership.nameCoordinatorOf', { name: nameOf(m), number })}
                        onClick={() =>
                          run(
                            () => setCoordinator({ variables: { ...variables, userId: m.id } }),
                            t('membership.done.coordinatorNamed', { name: nameOf(m), number }),
                          )
                        }
                      >
                        {t('membership.nameCoordinator')}
                      </button>
                    )}
                    <button
                      type="button"
                      disabled={busy}
                      aria-label={t('membership.removeFrom', { name: nameOf(m), number })}
                      onClick={() =>
                        run(
                          () => removeMember({ variables: { ...variables, userId: m.id } }),
                          t('membership.done.memberRemoved', { name: nameOf(m), number }),
                        )
                      }
                    >
                      {t('membership.remove')}
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {manage && (
        <AddForm
          label={t('membership.addMember', { number })}
          options={candidates.map((u) => ({ id: u.id, label: nameOf(u) }))}
          busy={busy}
          onMissing={() => onOutcome({ kind: 'error', text: t('membership.chooseFirst') })}
          onAdd={(id, label) =>
            run(
              () => addMember({ variables: { ...variables, userId: id } }),
              t('membership.done.memberAdded', { name: label, number }),
            )
          }
        />
      )}
    </section>
  );
}

/** A labelled choice and an Add button: a form, so Enter adds too. */
function AddForm({
  label,
  options,
  busy,
  onAdd,
  onMissing,
}: {
  label: string;
  options: { id: string; label: string }[];
  busy: boolean;
  onAdd: (id: string, label: string) => Promise<void>;
  onMissing: () => void;
}) {
  const { t } = useT();
  const selectId = useId();
  const [chosen, setChosen] = useState('');
  return (
    <form
      className="membership-add"
      onSubmit={(e) => {
        e.preventDefault();
        const option = options.find((o) => o.id === chosen);
        if (!option) return onMissing();
        void onAdd(option.id, option.label).then(() => setChosen(''));
      }}
    >
      <label htmlFor={selectId}>{label}</label>
      <select id={selectId} value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">{t('membership.choose')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy}>
        {t('membership.add')}
      </button>
    </form>
  );
}
