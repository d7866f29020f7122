import { useQuery, useSubscription } from '@apollo/client/react';
import { Link, useParams } from 'wouter';
import { graphql } from '../../gql';
import { apiLang, useT } from '../../i18n/i18n';
import { PersonName } from '../../ui/person-name';
import { shownData } from '../../ui/shown-data';
import { Empty, ErrorState, Loading } from '../../ui/states';
import { StatusBadge } from '../../ui/status-badge';
import { useDocumentTitle } from '../../ui/use-document-title';
import { ImportDraft } from './import-draft';
import { NewDraft } from './new-draft';

const WorkingGroupQuery = graphql(`
  query WorkingGroup($id: ID!, $lang: Language) {
    workingGroup(id: $id) {
      id
      number
      paragraph
      title(lang: $lang)
      mandateTasks {
        letter
        text(lang: $lang)
      }
      coordinator {
        id
        name
      }
      members {
        id
        name
        delegation {
          id
          code
          nameEn: name(lang: EN)
          nameFr: name(lang: FR)
        }
      }
      drafts {
        id
        title(lang: $lang)
        status
      }
      can {
        createDraft
      }
    }
  }
`);

// Who sits in the group, live: the same selection as the page's, merged by Apollo's cache.
const WorkingGroupMembersChanged = graphql(`
  subscription WorkingGroupMembersChanged($id: ID!) {
    workingGroupChanged(workingGroupId: $id) {
      id
      coordinator {
        id
        name
      }
      members {
        id
        name
        delegation {
          id
          code
          nameEn: name(lang: EN)
          nameFr: name(lang: FR)
        }
      }
    }
  }
`);

export function WorkingGroupPage() {
  const { id = '' } = useParams();
  const { t, lang } = useT();
  const result = useQuery(WorkingGroupQuery, { variables: { id, lang: apiLang(lang) } });
  useSubscription(WorkingGroupMembersChanged, { variables: { id }, skip: !id });
  const { loading, error, refetch } = result;
  const data = shownData(result, (previous) => previous.workingGroup.id === id);
  useDocumentTitle(data?.workingGroup.title);
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} retry={() => void refetch()} />;
  const group = data?.workingGroup;
  if (!group) return <Empty>{t('state.notFound')}</Empty>;
  return (
    <article className="working-group">
      <p className="eyebrow">{t('dashboard.group', { number: group.number })}</p>
      <h1>{group.title}</h1>
      <section aria-labelledby="mandate">
        <h2 id="mandate">{t('group.mandate')}</h2>
        <p className="muted small">{t('group.paragraph', { n: group.paragraph })}</p>
        <ol className="mandate" type="a">
          {group.mandateTasks.map((task) => (
            <li key={task.letter} value={task.letter.charCodeAt(0) - 96}>
              {task.text}
            </li>
          ))}
        </ol>
      </section>
      <div className="columns">
        <section aria-labelledby="people">
          <h2 id="people">{t('group.coordinator')}</h2>
          <p>{group.coordinator?.name ?? t('group.noCoordinator')}</p>
          <h2>{t('group.members')}</h2>
          {group.members.length === 0 ? (
            <Empty>{t('group.noMembers')}</Empty>
          ) : (
            <ul>
              {group.members.map((m) => (
                <li key={m.id}>
                  <PersonName person={m} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="drafts">
          <h2 id="drafts">{t('group.drafts')}</h2>
          {group.can.createDraft && <NewDraft workingGroupId={group.id} />}
          {group.can.createDraft && <ImportDraft workingGroupId={group.id} />}
          {group.drafts.length === 0 ? (
            <Empty>{t('dashboard.noDrafts')}</Empty>
          ) : (
            <ul>
              {group.drafts.map((d) => (
                <li key={d.id}>
                  <Link to={`/drafts/${d.id}`}>{d.title}</Link> <StatusBadge status={d.status} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </article>
  );
}
